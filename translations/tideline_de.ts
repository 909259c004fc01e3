<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>Network traffic anomaly workbench</source>
        <translation>Werkbank für Anomalien im Netzwerkverkehr</translation>
    </message>
    <message>
        <source>Render the window after loading FILE, save it, and exit.</source>
        <translation>Das Fenster nach dem Laden von FILE rendern, speichern und beenden.</translation>
    </message>
    <message>
        <source>OUT.png</source>
        <translation>AUSGABE.png</translation>
    </message>
    <message>
        <source>A capture or table to open.</source>
        <translation>Ein Mitschnitt oder eine Tabelle zum Öffnen.</translation>
    </message>
    <message>
        <source>--screenshot needs a FILE to open</source>
        <translation>--screenshot braucht eine Datei (FILE) zum Öffnen</translation>
    </message>
</context>
<context>
    <name>screenshot</name>
    <message>
        <source>tideline: cannot write %1
</source>
        <translation>tideline: %1 kann nicht geschrieben werden
</translation>
    </message>
</context>
<context>
    <name>tideline::MainWindow</name>
    <message>
        <source>Captures and tables (*.pcap *.pcapng *.cap *.dmp *.csv *.txt *.tsv);;Captures (*.pcap *.pcapng *.cap *.dmp);;Tables (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>Mitschnitte und Tabellen (*.pcap *.pcapng *.cap *.dmp *.csv *.txt *.tsv);;Mitschnitte (*.pcap *.pcapng *.cap *.dmp);;Tabellen (*.csv *.txt *.tsv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Tideline</source>
        <translation>Tideline</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>Laden abgebrochen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>Zu&amp;rück</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>Vor&amp;wärts</translation>
    </message>
    <message>
        <source>Pan &amp;Left</source>
        <translation>Nach &amp;links</translation>
    </message>
    <message>
        <source>Pan Ri&amp;ght</source>
        <translation>Nach r&amp;echts</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Tideline</source>
        <translation>&amp;Über Tideline</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitachse</translation>
    </message>
    <message>
        <source>Series: </source>
        <translation>Reihe: </translation>
    </message>
    <message>
        <source>The feature drawn on the timeline</source>
        <translation>Das auf der Zeitachse gezeichnete Merkmal</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the work in progress (Esc)</source>
        <translation>Die laufende Arbeit anhalten (Esc)</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <source>%p% · %L1 records · %L2/s</source>
        <translation>%p% · %L1 Datensätze · %L2/s</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 — Tideline</source>
        <translation>%1 — Tideline</translation>
    </message>
    <message numerus="yes">
        <source>%1 loaded with %n warning(s)</source>
        <translation>
            <numerusform>%1 mit %n Warnung geladen</numerusform><numerusform>%1 mit %n Warnungen geladen</numerusform></translation>
    </message>
    <message>
        <source>%L1 packets · %L2 bytes · %3 bins of %4 · %L5 flows</source>
        <translation>%L1 Pakete · %L2 Bytes · %3 Intervalle zu %4 · %L5 Flüsse</translation>
    </message>
    <message>
        <source>%L1 rows</source>
        <translation>%L1 Zeilen</translation>
    </message>
    <message>
        <source>Open capture or table</source>
        <translation>Mitschnitt oder Tabelle öffnen</translation>
    </message>
    <message>
        <source>About Tideline</source>
        <translation>Über Tideline</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tideline %1&lt;/h3&gt;&lt;p&gt;A workbench for finding and investigating anomalies in network traffic.&lt;/p&gt;&lt;p&gt;Copyright © 2026 the Tideline developers. Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (Widgets, Charts), Eigen %3.%4.%5 and %6.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tideline %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank zum Finden und Untersuchen von Anomalien im Netzwerkverkehr.&lt;/p&gt;&lt;p&gt;Copyright © 2026 die Tideline-Entwickler. Lizenziert unter der GNU General Public License, Version 3 oder später.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2 (Widgets, Charts), Eigen %3.%4.%5 und %6.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tideline::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform><numerusform>… und %n weitere</numerusform></translation>
    </message>
</context>
<context>
    <name>tideline::TimelineChart</name>
    <message>
        <source>No data: the capture has no packets here</source>
        <translation>Keine Daten: der Mitschnitt hat hier keine Pakete</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>%1
%2: %3
bin %4</source>
        <translation>%1
%2: %3
Intervall %4</translation>
    </message>
</context>
<context>
    <name>tideline::cli</name>
    <message>
        <source>Write the sample scenario capture and its truth file</source>
        <translation>Den Beispielmitschnitt und seine Wahrheitsdatei schreiben</translation>
    </message>
    <message>
        <source>Packets, bytes, time span, link types and problems of a file</source>
        <translation>Pakete, Bytes, Zeitspanne, Link-Typen und Probleme einer Datei</translation>
    </message>
    <message>
        <source>Write the binned features of a file as CSV</source>
        <translation>Die Merkmale je Intervall einer Datei als CSV schreiben</translation>
    </message>
    <message>
        <source>Write the sample scenario: a site's traffic with a port scan, a SYN flood, a slow exfiltration and a UDP amplification attack on top, and OUT.truth.csv listing them. The same arguments always give the same bytes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation>Zufallsstartwert (Standard 1).</translation>
    </message>
    <message>
        <source>Length of the capture in seconds (default 300).</source>
        <translation>Länge des Mitschnitts in Sekunden (Standard 300).</translation>
    </message>
    <message>
        <source>Mean background packets per second (default 500).</source>
        <translation>Mittlere Hintergrundpakete pro Sekunde (Standard 500).</translation>
    </message>
    <message>
        <source>pcap or pcapng (default: pcapng when OUT ends in .pcapng, else pcap).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The capture file to write.</source>
        <translation>Die zu schreibende Mitschnittdatei.</translation>
    </message>
    <message>
        <source>--seed needs a whole number from 0 to 18446744073709551615</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--duration needs a number of seconds</source>
        <translation>--duration braucht eine Anzahl Sekunden</translation>
    </message>
    <message>
        <source>--rate needs a number of packets per second</source>
        <translation>--rate braucht eine Anzahl Pakete pro Sekunde</translation>
    </message>
    <message>
        <source>unknown --format '%1' (use pcap or pcapng)</source>
        <translation>unbekanntes --format '%1' (pcap oder pcapng verwenden)</translation>
    </message>
    <message>
        <source>wrote %1 packets, %2 bytes to %3; truth: %4</source>
        <translation>%1 Pakete, %2 Bytes nach %3 geschrieben; Wahrheit: %4</translation>
    </message>
    <message>
        <source>Write one row per bin: its start time and every feature.</source>
        <translation>Eine Zeile pro Intervall schreiben: Startzeit und jedes Merkmal.</translation>
    </message>
    <message>
        <source>A capture or a table.</source>
        <translation>Ein Mitschnitt oder eine Tabelle.</translation>
    </message>
    <message>
        <source>Bin width: 100ms, 1s, 10s, 1m, … (default: automatic).</source>
        <translation>Intervallbreite: 100ms, 1s, 10s, 1m, … (Standard: automatisch).</translation>
    </message>
    <message>
        <source>Where to write the CSV (default: standard output).</source>
        <translation>Wohin die CSV geschrieben wird (Standard: Standardausgabe).</translation>
    </message>
    <message>
        <source>--bin: '%1' is not a duration like 100ms, 1s or 1m</source>
        <translation>--bin: '%1' ist keine Dauer wie 100ms, 1s oder 1m</translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Link types:</source>
        <translation>Link-Typen:</translation>
    </message>
    <message>
        <source>Packets:</source>
        <translation>Pakete:</translation>
    </message>
    <message>
        <source>Bytes:</source>
        <translation>Bytes:</translation>
    </message>
    <message>
        <source>First:</source>
        <translation>Erstes:</translation>
    </message>
    <message>
        <source>Last:</source>
        <translation>Letztes:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>Decoded:</source>
        <translation>Dekodiert:</translation>
    </message>
    <message>
        <source>Undecoded:</source>
        <translation>Nicht dekodiert:</translation>
    </message>
    <message>
        <source>Malformed:</source>
        <translation>Fehlerhaft:</translation>
    </message>
    <message>
        <source>Backward timestamps:</source>
        <translation>Rückwärtige Zeitstempel:</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Warnungen:</translation>
    </message>
</context>
</TS>