<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="59"/>
        <source>Network traffic anomaly workbench</source>
        <translation>Werkbank für Anomalien im Netzwerkverkehr</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="62"/>
        <source>Render the window after loading FILE, save it, and exit.</source>
        <translation>Das Fenster nach dem Laden von FILE rendern, speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="63"/>
        <source>OUT.png</source>
        <translation>AUSGABE.png</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="74"/>
        <source>With --screenshot: the Series entry to draw.</source>
        <translation>Mit --screenshot: der zu zeichnende Eintrag der Reihe.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="78"/>
        <source>The window&apos;s colours: %1 (default: system).</source>
        <translation>Die Farben des Fensters: %1 (Vorgabe: system).</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="100"/>
        <source>A capture, table or case to open, or a prometheus+http(s):// URL with --query, --start, --end.</source>
        <translation>Ein Mitschnitt, eine Tabelle oder ein Fall zum Öffnen oder eine prometheus+http(s)://-URL mit --query, --start, --end.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="113"/>
        <source>--palette needs one of: %1</source>
        <translation>--palette braucht einen der Werte: %1</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="118"/>
        <source>unknown detector &apos;%1&apos; (see tideline detectors)</source>
        <translation>unbekannter Detektor &apos;%1&apos; (siehe tideline detectors)</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="125"/>
        <source>--screenshot needs a FILE to open</source>
        <translation>--screenshot braucht eine Datei (FILE) zum Öffnen</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="66"/>
        <source>With --screenshot: train this detector first.</source>
        <translation>Mit --screenshot: zuerst diesen Detektor trainieren.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="70"/>
        <source>With --screenshot: the threshold percentile.</source>
        <translation>Mit --screenshot: das Perzentil für den Schwellenwert.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="83"/>
        <source>With --screenshot and --detector: train on this file and score FILE, as Train on Another File… does.</source>
        <translation>Mit --screenshot und --detector: auf dieser Datei trainieren und FILE bewerten, wie Auf anderer Datei trainieren…</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="88"/>
        <source>Known anomalies to draw under FILE&apos;s timeline, as Detect ▸ Load Truth… does.</source>
        <translation>Bekannte Anomalien, die unter der Zeitachse von FILE gezeichnet werden, wie Erkennung ▸ Wahrheit laden…</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="139"/>
        <source>--percentile needs a number</source>
        <translation>--percentile braucht eine Zahl</translation>
    </message>
</context>
<context>
    <name>screenshot</name>
    <message>
        <location filename="../ui/screenshot.cpp" line="33"/>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../ui/screenshot.cpp" line="61"/>
        <source>no truth from %1: %2</source>
        <translation>keine Wahrheit aus %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/screenshot.cpp" line="69"/>
        <source>no series %1</source>
        <translation>keine Reihe %1</translation>
    </message>
</context>
<context>
    <name>tideline</name>
    <message>
        <location filename="../core/common/csvwriter.cpp" line="30"/>
        <location filename="../core/common/csvwriter.cpp" line="37"/>
        <location filename="../core/common/csvwriter.cpp" line="57"/>
        <location filename="../core/common/csvwriter.cpp" line="64"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="72"/>
        <source>general: layer widths sized from the number of features; published: the one-feature 8-4-2-4-8 network (use it with min-max scaling, the first 70 % as training range and the 95th percentile)</source>
        <translation>general: Schichtbreiten richten sich nach der Anzahl der Merkmale; published: das 8-4-2-4-8-Netz für ein Merkmal (mit Min-Max-Skalierung, den ersten 70 % als Trainingsbereich und dem 95. Perzentil verwenden)</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="81"/>
        <source>maximum passes over the training rows</source>
        <translation>maximale Anzahl der Durchläufe über die Trainingszeilen</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="84"/>
        <source>rows per gradient step</source>
        <translation>Zeilen pro Gradientenschritt</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="86"/>
        <source>Adam&apos;s initial step size</source>
        <translation>anfängliche Schrittweite von Adam</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="90"/>
        <source>fraction of hidden units dropped while training (not the bottleneck)</source>
        <translation>Anteil der verdeckten Einheiten, die beim Training ausgelassen werden (nicht im Engpass)</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="94"/>
        <source>L2 penalty on the hidden activations</source>
        <translation>L2-Strafterm auf die verdeckten Aktivierungen</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="97"/>
        <source>stop after this many epochs without a better validation loss; the best weights are kept</source>
        <translation>nach so vielen Epochen ohne besseren Validierungsverlust anhalten; die besten Gewichte werden behalten</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="104"/>
        <source>last fraction of the training rows held out for early stopping</source>
        <translation>letzter Anteil der Trainingszeilen, der für das Early Stopping zurückgehalten wird</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="109"/>
        <source>shuffle the mini-batches every epoch</source>
        <translation>die Mini-Batches in jeder Epoche mischen</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="114"/>
        <source>multiply the learning rate by this on a plateau (1 = never)</source>
        <translation>die Lernrate auf einem Plateau mit diesem Wert multiplizieren (1 = nie)</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="118"/>
        <source>epochs without improvement before the learning rate is reduced</source>
        <translation>Epochen ohne Verbesserung, bevor die Lernrate gesenkt wird</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="122"/>
        <source>the learning rate&apos;s lower bound</source>
        <translation>die Untergrenze der Lernrate</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="125"/>
        <source>width of the narrowest layer (general preset; 0 = half the features, at least 2)</source>
        <translation>Breite der schmalsten Schicht (Voreinstellung general; 0 = die Hälfte der Merkmale, mindestens 2)</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="131"/>
        <source>share of training rows, those reconstructed worst, left out when the network is trained again (0: trained once)</source>
        <translation>Anteil der Trainingszeilen, die am schlechtesten rekonstruiert wurden und beim erneuten Training des Netzes ausgelassen werden (0: einmal trainiert)</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="178"/>
        <source>Autoencoder: dense network (ReLU, dropout, Adam, early stopping); score = reconstruction error</source>
        <translation>Autoencoder: vollständig verbundenes Netz (ReLU, Dropout, Adam, Early Stopping); Bewertung = Rekonstruktionsfehler</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="191"/>
        <source>The published network reconstructs one feature, bidirectional_packets per flow, min-max scaled, with a 1-8-4-2-4-8-1 network (dropout 0.1, L2 1e-5, Adam 1e-3, batch 256, up to 50 epochs, patience 5). It was trained on the first 70 % of the rows in time order and flags rows whose reconstruction error is above the 95th percentile of the training errors. It names no learning-rate schedule: set lr_factor=1 to train at a constant rate.</source>
        <translation>Das veröffentlichte Netz rekonstruiert ein Merkmal, bidirectional_packets pro Fluss, Min-Max-skaliert, mit einem 1-8-4-2-4-8-1-Netz (Dropout 0.1, L2 1e-5, Adam 1e-3, Batch 256, bis zu 50 Epochen, patience 5). Es wurde auf den ersten 70 % der Zeilen in zeitlicher Reihenfolge trainiert und markiert Zeilen, deren Rekonstruktionsfehler über dem 95. Perzentil der Trainingsfehler liegt. Es nennt keinen Zeitplan für die Lernrate: lr_factor=1 setzen, um mit konstanter Rate zu trainieren.</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="243"/>
        <source>the autoencoder takes at most %1 features (a network of %2 million weights, about %3 MB to train); this input has %4: choose fewer features</source>
        <translation>der Autoencoder nimmt höchstens %1 Merkmale (ein Netz mit %2 Millionen Gewichten, etwa %3 MB zum Trainieren); diese Eingabe hat %4: weniger Merkmale wählen</translation>
    </message>
    <message>
        <location filename="../core/detect/autoencoder.cpp" line="356"/>
        <source>the autoencoder diverged in epoch %1; try a smaller learning_rate</source>
        <translation>der Autoencoder ist in Epoche %1 divergiert; eine kleinere learning_rate versuchen</translation>
    </message>
    <message>
        <location filename="../core/threshold/thresholdrule.cpp" line="69"/>
        <source>%1 percentile</source>
        <translation>%1 Perzentil</translation>
    </message>
    <message>
        <location filename="../core/threshold/thresholdrule.cpp" line="73"/>
        <source>%1 false alarm(s) per day (%2 percentile)</source>
        <translation>%1 Fehlalarm(e) pro Tag (%2 Perzentil)</translation>
    </message>
    <message>
        <location filename="../core/threshold/thresholdrule.cpp" line="75"/>
        <source>%1 percentile (%2 false alarm(s) per day)</source>
        <translation>%1 Perzentil (%2 Fehlalarm(e) pro Tag)</translation>
    </message>
    <message>
        <location filename="../core/threshold/thresholdrule.cpp" line="99"/>
        <source>%1th</source>
        <translation>%1.</translation>
    </message>
    <message>
        <location filename="../core/threshold/thresholdrule.cpp" line="103"/>
        <source>%1st</source>
        <translation>%1.</translation>
    </message>
    <message>
        <location filename="../core/threshold/thresholdrule.cpp" line="106"/>
        <source>%1nd</source>
        <translation>%1.</translation>
    </message>
    <message>
        <location filename="../core/threshold/thresholdrule.cpp" line="109"/>
        <source>%1rd</source>
        <translation>%1.</translation>
    </message>
    <message>
        <location filename="../core/threshold/detectionrun.cpp" line="158"/>
        <source>the training range (%1) has no rows with data</source>
        <translation>der Trainingsbereich (%1) hat keine Zeilen mit Daten</translation>
    </message>
    <message>
        <location filename="../core/threshold/detectionrun.cpp" line="42"/>
        <source>%1: %2 values were NaN or infinite and were scored as the training median</source>
        <translation>%1: %2 Werte waren NaN oder unendlich und wurden wie der Trainingsmedian bewertet</translation>
    </message>
    <message>
        <location filename="../core/threshold/detectionrun.cpp" line="59"/>
        <source>%1: %2 rows have a value the training rows never had (encoded as none of the known values)</source>
        <translation>%1: %2 Zeilen haben einen Wert, den die Trainingszeilen nie hatten (als keiner der bekannten Werte kodiert)</translation>
    </message>
    <message>
        <location filename="../core/threshold/detectionrun.cpp" line="148"/>
        <source>%1 learns from labelled rows, and the training rows have no label column: name a table&apos;s label column with --label-column; a capture has none — to label its flows, train on a labelled flow table (--model-from FLOWS.csv --rows flows)</source>
        <translation>%1 lernt aus gekennzeichneten Zeilen, und die Trainingszeilen haben keine Kennzeichnungsspalte: bei einer Tabelle die Kennzeichnungsspalte mit --label-column benennen; ein Mitschnitt hat keine — um seine Flüsse zu kennzeichnen, auf einer gekennzeichneten Flusstabelle trainieren (--model-from FLOWS.csv --rows flows)</translation>
    </message>
    <message>
        <location filename="../core/threshold/detectionrun.cpp" line="242"/>
        <source>%1 gave %2 scores for %3 rows</source>
        <translation>%1 lieferte %2 Bewertungen für %3 Zeilen</translation>
    </message>
    <message>
        <location filename="../core/threshold/detectionrun.cpp" line="334"/>
        <source>a probability of attack above %1 (%2 trained on %3)</source>
        <translation>eine Angriffswahrscheinlichkeit über %1 (%2, trainiert über %3)</translation>
    </message>
    <message>
        <location filename="../core/threshold/detectionrun.cpp" line="338"/>
        <source>%1 of the scores on %2</source>
        <translation>%1 der Bewertungen über %2</translation>
    </message>
    <message>
        <location filename="../core/threshold/detectionrun.cpp" line="346"/>
        <source>%1 (at or above the highest score %2 gives, %3: nothing can be flagged; lower the percentile or allow more false alarms per day)</source>
        <translation>%1 (auf oder über der höchsten Bewertung, die %2 gibt, %3: nichts kann gemeldet werden; das Perzentil senken oder mehr Fehlalarme pro Tag zulassen)</translation>
    </message>
    <message>
        <location filename="../core/threshold/detectionrun.cpp" line="445"/>
        <source>the model was not fitted</source>
        <translation>das Modell wurde nicht angepasst</translation>
    </message>
    <message>
        <location filename="../core/detect/detectorregistry.cpp" line="24"/>
        <source>Robust z-score: largest |x - median| / MAD over the features</source>
        <translation>Robuster z-Score: größtes |x - median| / MAD über die Merkmale</translation>
    </message>
    <message>
        <location filename="../core/detect/detectorregistry.cpp" line="27"/>
        <source>Windowed Gaussian: tail probability against the mean and deviation of the preceding rows</source>
        <translation>Gauß im gleitenden Fenster: Randwahrscheinlichkeit gegenüber Mittelwert und Abweichung der vorangehenden Zeilen</translation>
    </message>
    <message>
        <location filename="../core/detect/detectorregistry.cpp" line="31"/>
        <source>Windowed counts: counts against a negative binomial with the mean and variance of the preceding rows (other features against Student&apos;s t), the most surprising one&apos;s tail probability</source>
        <translation>Zählungen im gleitenden Fenster: Zählwerte gegenüber einer negativen Binomialverteilung mit Mittelwert und Varianz der vorangehenden Zeilen (andere Merkmale gegenüber einer Student-t-Verteilung), die Randwahrscheinlichkeit des überraschendsten</translation>
    </message>
    <message>
        <location filename="../core/detect/detectorregistry.cpp" line="37"/>
        <source>Isolation forest (Liu, Ting &amp; Zhou 2008): rows that random cuts isolate quickly</source>
        <translation>Isolation Forest (Liu, Ting &amp; Zhou 2008): Zeilen, die zufällige Schnitte schnell isolieren</translation>
    </message>
    <message>
        <location filename="../core/detect/detectorregistry.cpp" line="39"/>
        <source>k-nearest-neighbour distance to the training rows (k-d tree)</source>
        <translation>Abstand zu den k nächsten Trainingszeilen (k-d-Baum)</translation>
    </message>
    <message>
        <location filename="../core/detect/detectorregistry.cpp" line="44"/>
        <source>Contextual: levels that the preceding levels did not predict, learned online (after CAD OSE); score in [0, 1]</source>
        <translation>Kontextuell: Stufen, die die vorangehenden Stufen nicht vorhergesagt haben, online gelernt (nach CAD OSE); Bewertung in [0, 1]</translation>
    </message>
    <message>
        <location filename="../core/detect/detectorregistry.cpp" line="48"/>
        <source>Hierarchical temporal memory with anomaly likelihood (Numenta, as run on NAB): values and time of day the memory did not predict, learned online; score in [0, 1]</source>
        <translation>Hierarchical Temporal Memory mit Anomalie-Likelihood (Numenta, wie auf NAB ausgeführt): Werte und Tageszeiten, die das Gedächtnis nicht vorhergesagt hat, online gelernt; Bewertung in [0, 1]</translation>
    </message>
    <message>
        <location filename="../core/detect/detectorregistry.cpp" line="52"/>
        <source>Random forest (Breiman 2001), supervised: trained on a labelled file, the probability that a row is an attack; score in [0, 1]</source>
        <translation>Random Forest (Breiman 2001), überwacht: auf einer gekennzeichneten Datei trainiert, die Wahrscheinlichkeit, dass eine Zeile ein Angriff ist; Bewertung in [0, 1]</translation>
    </message>
    <message>
        <location filename="../core/detect/detectorregistry.cpp" line="56"/>
        <source>k-nearest-neighbour classifier, supervised: the share of the k nearest labelled training rows that are attacks (or their distance-weighted vote); score in [0, 1]</source>
        <translation>k-Nächste-Nachbarn-Klassifikator, überwacht: der Anteil der k nächstgelegenen gekennzeichneten Trainingszeilen, die Angriffe sind (oder ihre nach Abstand gewichtete Abstimmung); Bewertung in [0, 1]</translation>
    </message>
    <message>
        <location filename="../core/detect/detectorregistry.cpp" line="93"/>
        <source>unknown detector &apos;%1&apos; (detectors: %2)</source>
        <translation>unbekannter Detektor &apos;%1&apos; (Detektoren: %2)</translation>
    </message>
    <message>
        <location filename="../core/detect/featurecontribution.cpp" line="48"/>
        <source>rows %1 to %2 are not in the series (%3 rows)</source>
        <translation>die Zeilen %1 bis %2 liegen nicht in der Reihe (%3 Zeilen)</translation>
    </message>
    <message>
        <location filename="../core/detect/featurecontribution.cpp" line="71"/>
        <source>there are no rows with data to compare the interval with</source>
        <translation>es gibt keine Zeilen mit Daten, mit denen der Zeitraum verglichen werden kann</translation>
    </message>
    <message>
        <location filename="../core/detect/featurepipeline.cpp" line="118"/>
        <location filename="../core/detect/featurepipeline.cpp" line="224"/>
        <source>the matrix has %1 columns but %2 features</source>
        <translation>die Matrix hat %1 Spalten, aber %2 Merkmale</translation>
    </message>
    <message>
        <location filename="../core/detect/featurepipeline.cpp" line="124"/>
        <source>there are no feature columns</source>
        <translation>es gibt keine Merkmalsspalten</translation>
    </message>
    <message>
        <location filename="../core/detect/featurepipeline.cpp" line="133"/>
        <source>the training range has no rows</source>
        <translation>der Trainingsbereich hat keine Zeilen</translation>
    </message>
    <message>
        <location filename="../core/detect/featurepipeline.cpp" line="141"/>
        <source>unknown feature &apos;%1&apos; (features: %2)</source>
        <translation>unbekanntes Merkmal &apos;%1&apos; (Merkmale: %2)</translation>
    </message>
    <message>
        <location filename="../core/detect/featurepipeline.cpp" line="166"/>
        <source>%1: no finite value in the training rows; using 0</source>
        <translation>%1: kein endlicher Wert in den Trainingszeilen; 0 wird verwendet</translation>
    </message>
    <message>
        <location filename="../core/detect/featurepipeline.cpp" line="172"/>
        <source>%1: %2 training values were NaN or infinite and were replaced by the column&apos;s median</source>
        <translation>%1: %2 Trainingswerte waren NaN oder unendlich und wurden durch den Median der Spalte ersetzt</translation>
    </message>
    <message>
        <location filename="../core/detect/featurepipeline.cpp" line="198"/>
        <source>the rows have no times, so there are no time-of-day features</source>
        <translation>die Zeilen haben keine Zeiten, daher gibt es keine Tageszeit-Merkmale</translation>
    </message>
    <message>
        <location filename="../core/detect/featurepipeline.cpp" line="235"/>
        <source>the model needs the rows&apos; times for &apos;%1&apos;</source>
        <translation>das Modell braucht die Zeiten der Zeilen für &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/detect/featurepipeline.cpp" line="249"/>
        <source>the model needs feature &apos;%1&apos;, which is not here (features: %2)</source>
        <translation>das Modell braucht das Merkmal &apos;%1&apos;, das hier fehlt (Merkmale: %2)</translation>
    </message>
    <message>
        <location filename="../core/detect/featurepipeline.cpp" line="306"/>
        <source>an unknown feature scaling</source>
        <translation>eine unbekannte Merkmalsskalierung</translation>
    </message>
    <message>
        <location filename="../core/detect/featurepipeline.cpp" line="325"/>
        <source>feature column &apos;%1&apos; is damaged</source>
        <translation>Merkmalsspalte &apos;%1&apos; ist beschädigt</translation>
    </message>
    <message>
        <location filename="../core/detect/featurepipeline.cpp" line="332"/>
        <source>a negative column count</source>
        <translation>eine negative Spaltenanzahl</translation>
    </message>
    <message>
        <location filename="../core/detect/finite.cpp" line="24"/>
        <source>%1: there are no feature columns</source>
        <translation>%1: es gibt keine Merkmalsspalten</translation>
    </message>
    <message>
        <location filename="../core/detect/finite.cpp" line="28"/>
        <source>%1: needs at least %2 training rows, got %3</source>
        <translation>%1: braucht mindestens %2 Trainingszeilen, erhalten: %3</translation>
    </message>
    <message>
        <location filename="../core/detect/finite.cpp" line="36"/>
        <source>%1: training row %2, column %3 is not a finite number (the feature pipeline replaces NaN and infinity)</source>
        <translation>%1: Trainingszeile %2, Spalte %3 ist keine endliche Zahl (die Merkmals-Pipeline ersetzt NaN und Unendlich)</translation>
    </message>
    <message>
        <location filename="../core/detect/isolationforest.cpp" line="159"/>
        <source>Number of isolation trees</source>
        <translation>Anzahl der Isolationsbäume</translation>
    </message>
    <message>
        <location filename="../core/detect/isolationforest.cpp" line="162"/>
        <source>Rows sub-sampled for each tree (ψ); trees grow ⌈log2 ψ⌉ deep</source>
        <translation>Für jeden Baum als Stichprobe gezogene Zeilen (ψ); Bäume wachsen ⌈log2 ψ⌉ tief</translation>
    </message>
    <message>
        <location filename="../core/detect/isolationforest.cpp" line="166"/>
        <source>Share of training rows, those isolated soonest, left out when the forest is grown again (0: grown once)</source>
        <translation>Anteil der Trainingszeilen, die am schnellsten isoliert wurden und beim erneuten Wachsen des Waldes ausgelassen werden (0: einmal gewachsen)</translation>
    </message>
    <message>
        <location filename="../core/detect/isolationforest.cpp" line="228"/>
        <source>isolation_forest: %1 trees of %2 rows would need more than %3 nodes; use fewer trees or a smaller sample_size</source>
        <translation>isolation_forest: %1 Bäume zu je %2 Zeilen bräuchten mehr als %3 Knoten; weniger Bäume oder eine kleinere sample_size verwenden</translation>
    </message>
    <message>
        <location filename="../core/detect/knnclassifier.cpp" line="30"/>
        <location filename="../core/detect/knndistance.cpp" line="38"/>
        <source>Number of nearest training rows</source>
        <translation>Anzahl der nächstgelegenen Trainingszeilen</translation>
    </message>
    <message>
        <location filename="../core/detect/knnclassifier.cpp" line="38"/>
        <source>uniform: a majority vote of the k neighbours; distance: votes weighted by the inverse of their distance</source>
        <translation>uniform: eine Mehrheitsabstimmung der k Nachbarn; distance: Stimmen, gewichtet mit dem Kehrwert ihres Abstands</translation>
    </message>
    <message>
        <location filename="../core/detect/knnclassifier.cpp" line="47"/>
        <source>How neighbours are found: a k-d tree (few columns), a scan of every training row by matrix products (many columns), or auto (the tree up to 16 columns)</source>
        <translation>Wie Nachbarn gefunden werden: ein k-d-Baum (wenige Spalten), ein Durchlauf über jede Trainingszeile mit Matrixprodukten (viele Spalten) oder auto (der Baum bis zu 16 Spalten)</translation>
    </message>
    <message>
        <location filename="../core/detect/knndistance.cpp" line="46"/>
        <source>Score by the mean distance to the k neighbours or by the k-th distance</source>
        <translation>Nach dem mittleren Abstand zu den k Nachbarn oder nach dem k-ten Abstand bewerten</translation>
    </message>
    <message>
        <location filename="../core/detect/knndistance.cpp" line="54"/>
        <source>Training rows above this are sub-sampled (by seed) to bound the search</source>
        <translation>Trainingszeilen über dieser Anzahl werden (nach Zufallsstartwert) als Stichprobe ausgedünnt, um die Suche zu begrenzen</translation>
    </message>
    <message>
        <location filename="../core/detect/knndistance.cpp" line="62"/>
        <source>Fraction of the training rows always left out before the final fit, those farthest from their neighbours (more when far out, up to a fifth), so that an attack in the training range is not learnt as normal (0 keeps every row)</source>
        <translation>Anteil der Trainingszeilen, der vor der endgültigen Anpassung immer ausgelassen wird: die am weitesten von ihren Nachbarn entfernten (mehr, wenn sie weit draußen liegen, bis zu einem Fünftel), damit ein Angriff im Trainingsbereich nicht als normal gelernt wird (0 behält jede Zeile)</translation>
    </message>
    <message>
        <location filename="../core/detect/parameters.cpp" line="62"/>
        <source>%1: %2 must be %3, got %4</source>
        <translation>%1: %2 muss %3 sein, erhalten: %4</translation>
    </message>
    <message>
        <location filename="../core/detect/parameters.cpp" line="69"/>
        <source>an integer in %1</source>
        <translation>eine ganze Zahl in %1</translation>
    </message>
    <message>
        <location filename="../core/detect/parameters.cpp" line="76"/>
        <source>a number in %1</source>
        <translation>eine Zahl in %1</translation>
    </message>
    <message>
        <location filename="../core/detect/parameters.cpp" line="83"/>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <location filename="../core/detect/parameters.cpp" line="89"/>
        <source>one of %1</source>
        <translation>einer der Werte %1</translation>
    </message>
    <message>
        <location filename="../core/detect/parameters.cpp" line="117"/>
        <source>%1: unknown parameter &apos;%2&apos; (it has no parameters)</source>
        <translation>%1: unbekannter Parameter &apos;%2&apos; (keine Parameter vorhanden)</translation>
    </message>
    <message>
        <location filename="../core/detect/parameters.cpp" line="120"/>
        <source>%1: unknown parameter &apos;%2&apos; (parameters: %3)</source>
        <translation>%1: unbekannter Parameter &apos;%2&apos; (Parameter: %3)</translation>
    </message>
    <message>
        <location filename="../core/detect/parameters.cpp" line="144"/>
        <source>%1: parameter &apos;%2&apos; is not of the form name=value</source>
        <translation>%1: Parameter &apos;%2&apos; hat nicht die Form name=value</translation>
    </message>
    <message>
        <location filename="../core/detect/parameters.cpp" line="150"/>
        <source>%1: parameter &apos;%2&apos; is given twice</source>
        <translation>%1: Parameter &apos;%2&apos; ist doppelt angegeben</translation>
    </message>
    <message>
        <location filename="../core/detect/windowedgaussian.cpp" line="34"/>
        <source>Number of preceding rows whose mean and deviation a row is compared with</source>
        <translation>Anzahl der vorangehenden Zeilen, mit deren Mittelwert und Abweichung eine Zeile verglichen wird</translation>
    </message>
    <message>
        <location filename="../core/common/csvtable.cpp" line="35"/>
        <location filename="../core/records/tablereader.cpp" line="441"/>
        <location filename="../core/series/tableloader.cpp" line="143"/>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <location filename="../core/common/csvtable.cpp" line="103"/>
        <location filename="../core/records/zeeklog.cpp" line="82"/>
        <source>a row (or header) longer than %1 MB, the most Tideline reads</source>
        <translation>ein Datensatz (oder die Kopfzeile) länger als %1 MB; mehr liest Tideline nicht</translation>
    </message>
    <message>
        <location filename="../core/common/csvtable.cpp" line="108"/>
        <source>a row (or header) with more than %1 fields, the most Tideline reads</source>
        <translation>ein Datensatz (oder die Kopfzeile) mit mehr als %1 Feldern; mehr liest Tideline nicht</translation>
    </message>
    <message>
        <location filename="../core/evaluate/truth.cpp" line="128"/>
        <source>the header has neither &apos;start&apos; and &apos;end&apos; columns nor a label column</source>
        <translation>die Kopfzeile hat weder die Spalten &apos;start&apos; und &apos;end&apos; noch eine Kennzeichnungsspalte</translation>
    </message>
    <message>
        <location filename="../core/evaluate/truth.cpp" line="146"/>
        <location filename="../core/evaluate/truth.cpp" line="163"/>
        <location filename="../core/export/anomaliescsv.cpp" line="169"/>
        <location filename="../core/export/anomaliescsv.cpp" line="172"/>
        <location filename="../core/export/scorescsv.cpp" line="133"/>
        <source>&apos;%1&apos; is not a time</source>
        <translation>&apos;%1&apos; ist keine Zeitangabe</translation>
    </message>
    <message>
        <location filename="../core/evaluate/truth.cpp" line="177"/>
        <location filename="../core/export/anomaliescsv.cpp" line="175"/>
        <source>the end is before the start</source>
        <translation>das Ende liegt vor dem Beginn</translation>
    </message>
    <message>
        <location filename="../core/export/anomaliescsv.cpp" line="133"/>
        <source>the header has no &apos;start&apos; and &apos;end&apos; columns</source>
        <translation>die Kopfzeile hat keine Spalten &apos;start&apos; und &apos;end&apos;</translation>
    </message>
    <message>
        <location filename="../core/export/anomaliescsv.cpp" line="183"/>
        <location filename="../core/export/scorescsv.cpp" line="140"/>
        <location filename="../core/export/scorescsv.cpp" line="158"/>
        <source>&apos;%1&apos; is not a number</source>
        <translation>&apos;%1&apos; ist keine Zahl</translation>
    </message>
    <message>
        <location filename="../core/export/anomaliescsv.cpp" line="194"/>
        <source>&apos;%1&apos; is not an integer in 0..%2</source>
        <translation>&apos;%1&apos; ist keine ganze Zahl in 0..%2</translation>
    </message>
    <message>
        <location filename="../core/common/csvtable.cpp" line="98"/>
        <source>a quoted field starting on line %1 is never closed</source>
        <translation>ein in Zeile %1 beginnendes Feld in Anführungszeichen wird nie geschlossen</translation>
    </message>
    <message>
        <location filename="../core/export/scorescsv.cpp" line="123"/>
        <source>the header has no &apos;timestamp&apos; and &apos;score&apos; columns</source>
        <translation>die Kopfzeile hat keine Spalten &apos;timestamp&apos; und &apos;score&apos;</translation>
    </message>
    <message>
        <location filename="../core/export/scorescsv.cpp" line="149"/>
        <source>&apos;%1&apos; is not 0 or 1</source>
        <translation>&apos;%1&apos; ist weder 0 noch 1</translation>
    </message>
    <message>
        <location filename="../core/series/flowbinner.cpp" line="387"/>
        <source>%1 empty or non-numeric counts (NaN, Infinity) were read as 0</source>
        <translation>%1 leere oder nicht numerische Zählwerte (NaN, Infinity) wurden als 0 gelesen</translation>
    </message>
    <message>
        <location filename="../core/records/tableflavour.cpp" line="683"/>
        <source>not a %1 table: no column holds times (looked for a column named timestamp, time or date, or one holding dates)</source>
        <translation>keine %1-Tabelle: keine Spalte enthält Zeiten (gesucht wurde eine Spalte namens timestamp, time oder date oder eine mit Datumsangaben)</translation>
    </message>
    <message>
        <location filename="../core/records/tableflavour.cpp" line="693"/>
        <source>not a %1 table: no bidirectional_first_seen_ms column</source>
        <translation>keine %1-Tabelle: keine Spalte bidirectional_first_seen_ms</translation>
    </message>
    <message>
        <location filename="../core/records/tableflavour.cpp" line="698"/>
        <source>not a %1 table: no Time column</source>
        <translation>keine %1-Tabelle: keine Spalte Time</translation>
    </message>
    <message>
        <location filename="../core/records/tableflavour.cpp" line="702"/>
        <source>not a %1 table: it needs source and destination address columns and a start time column (looked for src_ip, srcaddr, id.orig_h, sa…; dst_ip, dstaddr, id.resp_h, da…; timestamp, ts, stime, start…)</source>
        <translation>keine %1-Tabelle: sie braucht Spalten mit Quell- und Zieladressen und eine Spalte mit Startzeiten (gesucht wurden src_ip, srcaddr, id.orig_h, sa…; dst_ip, dstaddr, id.resp_h, da…; timestamp, ts, stime, start…)</translation>
    </message>
    <message>
        <location filename="../core/records/tableflavour.cpp" line="709"/>
        <source>not a %1 table: it needs source and destination address columns, a time column and a packet length column (looked for src, dst, timestamp, length…) and no packet or byte counts</source>
        <translation>keine %1-Tabelle: sie braucht Spalten für Quell- und Zieladresse, eine Zeitspalte und eine Spalte für die Paketlänge (gesucht wurde nach src, dst, timestamp, length…) und keine Paket- oder Bytezählungen</translation>
    </message>
    <message>
        <location filename="../core/records/tableflavour.cpp" line="726"/>
        <source>not a %1 table: its time column does not hold times</source>
        <translation>keine %1-Tabelle: ihre Zeitspalte enthält keine Zeiten</translation>
    </message>
    <message>
        <location filename="../core/records/tablehead.cpp" line="32"/>
        <source>is UTF-16 text: save the table as UTF-8 CSV</source>
        <translation>ist UTF-16-Text: die Tabelle als UTF-8-CSV speichern</translation>
    </message>
    <message>
        <location filename="../core/records/tablehead.cpp" line="36"/>
        <source>is a packet capture, not a table</source>
        <translation>ist ein Paketmitschnitt, keine Tabelle</translation>
    </message>
    <message>
        <location filename="../core/records/tablehead.cpp" line="39"/>
        <source>is gzip-compressed: unpack it first</source>
        <translation>ist gzip-komprimiert: zuerst entpacken</translation>
    </message>
    <message>
        <location filename="../core/records/tablehead.cpp" line="41"/>
        <source>is a ZIP archive (a spreadsheet?): export it as CSV</source>
        <translation>ist ein ZIP-Archiv (eine Tabellenkalkulation?): als CSV exportieren</translation>
    </message>
    <message>
        <location filename="../core/records/tablehead.cpp" line="46"/>
        <location filename="../core/records/tablehead.cpp" line="52"/>
        <source>is neither a packet capture (no pcap or pcapng magic number) nor a text table: it holds binary data</source>
        <translation>ist weder ein Paketmitschnitt (keine pcap- oder pcapng-Kennung) noch eine Texttabelle: enthält Binärdaten</translation>
    </message>
    <message>
        <location filename="../core/records/tablehead.cpp" line="120"/>
        <source>the column name &quot;%1&quot; appears more than once; column %2 is called &quot;%3&quot;</source>
        <translation>der Spaltenname &quot;%1&quot; kommt mehrfach vor; Spalte %2 heißt &quot;%3&quot;</translation>
    </message>
    <message>
        <location filename="../core/records/tablehead.cpp" line="131"/>
        <source>%1 more repeated column names were made unique the same way</source>
        <translation>%1 weitere wiederholte Spaltennamen wurden auf dieselbe Weise eindeutig gemacht</translation>
    </message>
    <message>
        <location filename="../core/series/tableloader.cpp" line="94"/>
        <source>%1 rows have no IP address at one end: they count in the series but are not among the flows</source>
        <translation>%1 Zeilen haben an einem Ende keine IP-Adresse: sie zählen in der Reihe, sind aber nicht unter den Flüssen</translation>
    </message>
    <message>
        <location filename="../core/series/tableloader.cpp" line="138"/>
        <source>is a folder, not a table</source>
        <translation>ist ein Ordner, keine Tabelle</translation>
    </message>
    <message>
        <location filename="../core/capture/capturereader.cpp" line="149"/>
        <location filename="../core/series/tableloader.cpp" line="140"/>
        <source>cannot open the file: %1</source>
        <translation>die Datei kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../core/capture/capturereader.cpp" line="250"/>
        <source>the file is truncated or damaged here; the packets before it are loaded (libpcap: %1)</source>
        <translation>die Datei ist hier abgeschnitten oder beschädigt; die Pakete davor sind geladen (libpcap: %1)</translation>
    </message>
    <message>
        <location filename="../core/capture/capturereader.cpp" line="253"/>
        <source>libpcap stops reading the file here: %1; the packets before it are loaded</source>
        <translation>libpcap hört hier auf, die Datei zu lesen: %1; die Pakete davor sind geladen</translation>
    </message>
    <message>
        <location filename="../core/series/tableloader.cpp" line="163"/>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../core/series/tableseries.cpp" line="40"/>
        <source>column &quot;%1&quot;: %2 missing or non-finite values (empty, NA, NaN, Infinity) were read as 0</source>
        <translation>Spalte &quot;%1&quot;: %2 fehlende oder nicht endliche Werte (leer, NA, NaN, Infinity) wurden als 0 gelesen</translation>
    </message>
    <message>
        <location filename="../core/series/tableseries.cpp" line="91"/>
        <source>%1 rows repeat the time of the row before them: the rows are not regular bins</source>
        <translation>%1 Zeilen wiederholen die Zeit der Zeile davor: die Zeilen sind keine regelmäßigen Intervalle</translation>
    </message>
    <message>
        <location filename="../core/series/tableseries.cpp" line="163"/>
        <source>the times are not in increasing order (%1 steps back): the rows are taken in time order, so series rows are not in file order</source>
        <translation>die Zeiten sind nicht aufsteigend geordnet (%1 Rücksprünge): die Zeilen werden in zeitlicher Reihenfolge genommen, die Reihenzeilen folgen also nicht der Dateireihenfolge</translation>
    </message>
    <message>
        <location filename="../core/capture/capturewriter.cpp" line="20"/>
        <location filename="../core/capture/pcapngwriter.cpp" line="154"/>
        <source>cannot write the file: %1</source>
        <translation>die Datei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location filename="../core/capture/capturewriter.cpp" line="86"/>
        <source>cannot create the file: %1</source>
        <translation>die Datei kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <location filename="../core/capture/capturewriter.cpp" line="113"/>
        <source>cannot start the capture file: %1</source>
        <translation>die Mitschnittdatei kann nicht begonnen werden: %1</translation>
    </message>
    <message>
        <location filename="../core/scenario/scenariogenerator.cpp" line="135"/>
        <source>the duration must be between %1 and %2 s</source>
        <translation>die Dauer muss zwischen %1 und %2 s liegen</translation>
    </message>
    <message>
        <location filename="../core/scenario/scenariogenerator.cpp" line="141"/>
        <source>the rate must be above 0 and at most %1 packets/s</source>
        <translation>die Rate muss über 0 und höchstens %1 Pakete/s betragen</translation>
    </message>
    <message>
        <location filename="../core/scenario/scenariogenerator.cpp" line="146"/>
        <source>the attack duration must be 0 (a share of the capture) or a number of seconds</source>
        <translation>die Angriffsdauer muss 0 (ein Anteil des Mitschnitts) oder eine Anzahl Sekunden sein</translation>
    </message>
    <message>
        <location filename="../core/scenario/scenariogenerator.cpp" line="153"/>
        <source>the attack intensity must be above 0 and at most %1, and the attacks at most %2 packets/s</source>
        <translation>die Angriffsintensität muss über 0 und höchstens %1 sein, die Angriffe höchstens %2 Pakete/s</translation>
    </message>
    <message>
        <location filename="../core/scenario/scenariogenerator.cpp" line="198"/>
        <source>cannot write the file</source>
        <translation>die Datei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../core/threshold/trainingrange.cpp" line="73"/>
        <source>all rows</source>
        <translation>alle Zeilen</translation>
    </message>
    <message>
        <location filename="../core/threshold/trainingrange.cpp" line="75"/>
        <source>the first %1% of rows</source>
        <translation>die ersten %1% der Zeilen</translation>
    </message>
    <message>
        <location filename="../core/threshold/trainingrange.cpp" line="90"/>
        <source>training range &apos;%1&apos; is not START,END with ISO 8601 times (or row numbers) and START before END</source>
        <translation>Trainingsbereich &apos;%1&apos; ist nicht START,END mit ISO-8601-Zeiten (oder Zeilennummern) und START vor END</translation>
    </message>
    <message>
        <location filename="../core/threshold/trainingrange.cpp" line="111"/>
        <source>training fraction &apos;%1&apos; is not a number in (0, 1] or a percentage in (0%, 100%]</source>
        <translation>Trainingsanteil &apos;%1&apos; ist weder eine Zahl in (0, 1] noch ein Prozentsatz in (0%, 100%]</translation>
    </message>
    <message>
        <location filename="../core/case/casefile.cpp" line="313"/>
        <location filename="../core/case/casefile.cpp" line="725"/>
        <source>it names no source</source>
        <translation>sie nennt keine Quelle</translation>
    </message>
    <message>
        <location filename="../core/case/casefile.cpp" line="481"/>
        <source>%1 is not a Tideline case (not an SQLite file)</source>
        <translation>%1 ist keine Tideline-Falldatei (keine SQLite-Datei)</translation>
    </message>
    <message>
        <location filename="../core/case/casefile.cpp" line="485"/>
        <source>%1 is an SQLite database but not a Tideline case</source>
        <translation>%1 ist eine SQLite-Datenbank, aber keine Tideline-Falldatei</translation>
    </message>
    <message>
        <location filename="../core/case/casefile.cpp" line="490"/>
        <source>%1 was written by a newer Tideline (case format %2; this version reads up to %3): open it with a newer Tideline</source>
        <translation>%1 wurde von einem neueren Tideline geschrieben (Fallformat %2; diese Version liest bis %3): mit einem neueren Tideline öffnen</translation>
    </message>
    <message>
        <location filename="../core/case/casefile.cpp" line="498"/>
        <source>%1 is damaged: it has no case format</source>
        <translation>%1 ist beschädigt: sie hat kein Fallformat</translation>
    </message>
    <message>
        <location filename="../core/case/casefile.cpp" line="556"/>
        <source>the drill-down tallies are damaged</source>
        <translation>die Detailzählungen sind beschädigt</translation>
    </message>
    <message>
        <location filename="../core/case/casefile.cpp" line="643"/>
        <source>it holds no series</source>
        <translation>sie enthält keine Reihe</translation>
    </message>
    <message>
        <location filename="../core/case/casefile.cpp" line="655"/>
        <location filename="../core/case/casefile.cpp" line="660"/>
        <location filename="../core/case/casefile.cpp" line="662"/>
        <source>the series is damaged</source>
        <translation>die Reihe ist beschädigt</translation>
    </message>
    <message>
        <location filename="../core/case/casefile.cpp" line="687"/>
        <location filename="../core/case/casefile.cpp" line="692"/>
        <source>run %1 is damaged</source>
        <translation>Lauf %1 ist beschädigt</translation>
    </message>
    <message>
        <location filename="../core/case/sourceidentity.cpp" line="44"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../core/case/sourceidentity.cpp" line="58"/>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <location filename="../core/case/sourceidentity.cpp" line="64"/>
        <source>%1 is not the case&apos;s source: %2 bytes, the source had %3</source>
        <translation>%1 ist nicht die Quelle des Falls: %2 Bytes, die Quelle hatte %3</translation>
    </message>
    <message>
        <location filename="../core/case/sourceidentity.cpp" line="76"/>
        <source>%1 is not the case&apos;s source: its SHA-256 differs</source>
        <translation>%1 ist nicht die Quelle des Falls: ihr SHA-256 weicht ab</translation>
    </message>
    <message>
        <location filename="../core/evaluate/nabwindows.cpp" line="46"/>
        <source>%1 … and %2 more</source>
        <translation>%1 … und %2 weitere</translation>
    </message>
    <message>
        <location filename="../core/evaluate/nabwindows.cpp" line="119"/>
        <source>not NAB windows: the file is not an object of series</source>
        <translation>keine NAB-Fenster: die Datei ist kein Objekt aus Reihen</translation>
    </message>
    <message>
        <location filename="../core/evaluate/nabwindows.cpp" line="128"/>
        <source>several series match &apos;%1&apos;; name one of: %2</source>
        <translation>mehrere Reihen passen zu &apos;%1&apos;; eine davon nennen: %2</translation>
    </message>
    <message>
        <location filename="../core/evaluate/nabwindows.cpp" line="130"/>
        <source>no series matches &apos;%1&apos;; name one of: %2</source>
        <translation>keine Reihe passt zu &apos;%1&apos;; eine davon nennen: %2</translation>
    </message>
    <message>
        <location filename="../core/evaluate/nabwindows.cpp" line="139"/>
        <source>the windows of %1 are not a list</source>
        <translation>die Fenster von %1 sind keine Liste</translation>
    </message>
    <message>
        <location filename="../core/evaluate/nabwindows.cpp" line="147"/>
        <source>a window of %1 is not a [start, end] pair of times: %2</source>
        <translation>ein Fenster von %1 ist kein [start, end]-Paar von Zeiten: %2</translation>
    </message>
    <message>
        <location filename="../core/evaluate/nabwindows.cpp" line="156"/>
        <source>NAB window of %1</source>
        <translation>NAB-Fenster von %1</translation>
    </message>
    <message>
        <location filename="../core/capture/capturereader.cpp" line="164"/>
        <source>not a capture libpcap can read: %1</source>
        <translation>kein Mitschnitt, den libpcap lesen kann: %1</translation>
    </message>
    <message>
        <location filename="../core/capture/capturereader.cpp" line="179"/>
        <source>no such file</source>
        <translation>die Datei existiert nicht</translation>
    </message>
    <message>
        <location filename="../core/capture/capturereader.cpp" line="217"/>
        <source>timestamp outside the years 1678 to 2262; clamped</source>
        <translation>Zeitstempel außerhalb der Jahre 1678 bis 2262; auf diesen Bereich begrenzt</translation>
    </message>
    <message>
        <location filename="../core/capture/capturereader.cpp" line="219"/>
        <source>timestamp with a fraction of a second out of range</source>
        <translation>Zeitstempel mit einem Sekundenbruchteil außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <location filename="../core/records/tableflavour.cpp" line="663"/>
        <source>the column &quot;%1&quot; holds times outside the years 1678 to 2262, which Tideline cannot represent (read as %2)</source>
        <translation>die Spalte &quot;%1&quot; enthält Zeiten außerhalb der Jahre 1678 bis 2262, die Tideline nicht darstellen kann (gelesen als %2)</translation>
    </message>
    <message>
        <location filename="../core/records/tableflavour.cpp" line="728"/>
        <source>the Timestamp column does not hold readable times: one series row per flow instead of time bins</source>
        <translation>die Spalte Timestamp enthält keine lesbaren Zeiten: eine Reihenzeile pro Fluss statt Zeitintervallen</translation>
    </message>
    <message>
        <location filename="../core/records/tablereader.cpp" line="50"/>
        <source>line %1: a row (or header) longer than %2 MB, the most Tideline reads</source>
        <translation>Zeile %1: ein Datensatz (oder die Kopfzeile) länger als %2 MB; mehr liest Tideline nicht</translation>
    </message>
    <message>
        <location filename="../core/records/tablereader.cpp" line="55"/>
        <source>line %1: a row (or header) with more than %2 fields, the most Tideline reads</source>
        <translation>Zeile %1: ein Datensatz (oder die Kopfzeile) mit mehr als %2 Feldern; mehr liest Tideline nicht</translation>
    </message>
    <message>
        <location filename="../core/records/tablereader.cpp" line="238"/>
        <source>a quoted field is not closed before the end of the file</source>
        <translation>ein Feld in Anführungszeichen wird vor dem Dateiende nicht geschlossen</translation>
    </message>
    <message>
        <location filename="../core/records/tablereader.cpp" line="245"/>
        <source>expected %1 fields, found %2</source>
        <translation>%1 Felder erwartet, %2 gefunden</translation>
    </message>
    <message>
        <location filename="../core/records/tablereader.cpp" line="298"/>
        <source>&quot;%1&quot; is not a number (column &quot;%2&quot;)</source>
        <translation>&quot;%1&quot; ist keine Zahl (Spalte &quot;%2&quot;)</translation>
    </message>
    <message>
        <location filename="../core/records/tablereader.cpp" line="315"/>
        <source>&quot;%1&quot; lies outside the years 1678 to 2262, which Tideline cannot represent</source>
        <translation>&quot;%1&quot; liegt außerhalb der Jahre 1678 bis 2262, die Tideline nicht darstellen kann</translation>
    </message>
    <message>
        <location filename="../core/records/tablereader.cpp" line="322"/>
        <source>&quot;%1&quot; is not a time in the form of this column (%2)</source>
        <translation>&quot;%1&quot; ist keine Zeitangabe im Format dieser Spalte (%2)</translation>
    </message>
    <message>
        <location filename="../core/records/tablereader.cpp" line="443"/>
        <source>the file %1</source>
        <translation>die Datei %1</translation>
    </message>
    <message>
        <location filename="../core/records/tablereader.cpp" line="453"/>
        <source>the file holds no rows, only blank lines</source>
        <translation>die Datei enthält keine Zeilen, nur Leerzeilen</translation>
    </message>
    <message>
        <location filename="../core/records/tablereader.cpp" line="463"/>
        <source>the file has a header but no data rows</source>
        <translation>die Datei hat eine Kopfzeile, aber keine Datenzeilen</translation>
    </message>
    <message>
        <location filename="../core/records/tablereader.cpp" line="526"/>
        <source>the file has no numeric column to analyse (is it a CSV table?)</source>
        <translation>die Datei hat keine numerische Spalte zum Analysieren (ist es eine CSV-Tabelle?)</translation>
    </message>
    <message>
        <location filename="../core/records/tablereader.cpp" line="559"/>
        <source>no data row could be read; the first problem: %1</source>
        <translation>keine Datenzeile konnte gelesen werden; das erste Problem: %1</translation>
    </message>
    <message>
        <location filename="../core/detect/categoryencoder.cpp" line="61"/>
        <source>the category column &quot;%1&quot; the model was trained with is missing</source>
        <translation>die Kategoriespalte &quot;%1&quot;, mit der das Modell trainiert wurde, fehlt</translation>
    </message>
    <message>
        <location filename="../core/detect/categoryencoder.cpp" line="125"/>
        <source>a negative category count</source>
        <translation>eine negative Kategorienanzahl</translation>
    </message>
    <message>
        <location filename="../core/detect/categoryencoder.cpp" line="134"/>
        <source>category column &apos;%1&apos; is damaged</source>
        <translation>Kategoriespalte &apos;%1&apos; ist beschädigt</translation>
    </message>
    <message>
        <location filename="../core/detect/classifier.cpp" line="48"/>
        <source>a supervised detector learns from labelled rows: the training file needs a label column (--label-column)</source>
        <translation>ein überwachter Detektor lernt aus gekennzeichneten Zeilen: die Trainingsdatei braucht eine Kennzeichnungsspalte (--label-column)</translation>
    </message>
    <message>
        <location filename="../core/detect/classifier.cpp" line="83"/>
        <source>%1: no training rows</source>
        <translation>%1: keine Trainingszeilen</translation>
    </message>
    <message>
        <location filename="../core/detect/classifier.cpp" line="87"/>
        <source>%1: the classes do not match the rows</source>
        <translation>%1: die Klassen passen nicht zu den Zeilen</translation>
    </message>
    <message>
        <location filename="../core/detect/classifier.cpp" line="92"/>
        <source>%1: a row&apos;s class is out of range</source>
        <translation>%1: die Klasse einer Zeile liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <location filename="../core/detect/classifier.cpp" line="119"/>
        <source>the classes are damaged</source>
        <translation>die Klassen sind beschädigt</translation>
    </message>
    <message>
        <location filename="../core/detect/contextual.cpp" line="129"/>
        <source>contextual keeps up to two contexts for each value at each order: %1 rows × %2 features at order %3 may need %4 million, above its limit of %5 million (about %6 MB); choose fewer features, a wider bin or a lower order</source>
        <translation>contextual behält bis zu zwei Kontexte je Wert und Ordnung: %1 Zeilen × %2 Merkmale bei Ordnung %3 können %4 Millionen brauchen, über seiner Grenze von %5 Millionen (etwa %6 MB); weniger Merkmale, ein breiteres Intervall oder eine niedrigere Ordnung wählen</translation>
    </message>
    <message>
        <location filename="../core/detect/htm.cpp" line="145"/>
        <source>htm learns one model per feature over every row: %1 rows × %2 features make %3 million row-features, above its limit of %4 million; choose fewer features or a wider bin</source>
        <translation>htm lernt ein Modell je Merkmal über jede Zeile: %1 Zeilen × %2 Merkmale ergeben %3 Millionen Zeilen-Merkmale, über seiner Grenze von %4 Millionen; weniger Merkmale oder ein breiteres Intervall wählen</translation>
    </message>
    <message>
        <location filename="../core/detect/randomforest.cpp" line="504"/>
        <source>none: every row counts once; balanced: rows weigh the inverse of their class&apos;s share, so a rare attack counts as much as the common traffic</source>
        <translation>none: jede Zeile zählt einmal; balanced: Zeilen werden mit dem Kehrwert des Anteils ihrer Klasse gewichtet, sodass ein seltener Angriff so viel zählt wie der übliche Verkehr</translation>
    </message>
    <message>
        <location filename="../core/detect/randomforest.cpp" line="511"/>
        <source>Number of trees</source>
        <translation>Anzahl der Bäume</translation>
    </message>
    <message>
        <location filename="../core/detect/randomforest.cpp" line="513"/>
        <source>Deepest split level (0: no limit)</source>
        <translation>Tiefste Teilungsebene (0: keine Grenze)</translation>
    </message>
    <message>
        <location filename="../core/detect/randomforest.cpp" line="516"/>
        <source>Fewest distinct training rows in a leaf</source>
        <translation>Mindestzahl verschiedener Trainingszeilen in einem Blatt</translation>
    </message>
    <message>
        <location filename="../core/detect/randomforest.cpp" line="519"/>
        <source>Features tried at each split (0: the square root of their number)</source>
        <translation>Bei jeder Teilung erprobte Merkmale (0: die Quadratwurzel ihrer Anzahl)</translation>
    </message>
    <message>
        <location filename="../core/detect/randomforest.cpp" line="552"/>
        <source>random_forest: the training rows have no feature column</source>
        <translation>random_forest: die Trainingszeilen haben keine Merkmalsspalte</translation>
    </message>
    <message>
        <location filename="../core/detect/randomforest.cpp" line="705"/>
        <source>the forest is damaged</source>
        <translation>der Wald ist beschädigt</translation>
    </message>
    <message>
        <location filename="../core/detect/randomforest.cpp" line="731"/>
        <source>tree %1 of the forest is damaged</source>
        <translation>Baum %1 des Waldes ist beschädigt</translation>
    </message>
    <message>
        <location filename="../core/input/inputloader.cpp" line="67"/>
        <source>the rows of a Prometheus source are its query steps: ask for a step of %1 instead of bins</source>
        <translation>die Zeilen einer Prometheus-Quelle sind ihre Abfrageschritte: eine Schrittweite von %1 statt Intervallen anfordern</translation>
    </message>
    <message>
        <location filename="../core/records/jsonrecords.cpp" line="298"/>
        <source>a JSON document larger than %1 MB, the most Tideline reads at once; write one record per line (JSON lines)</source>
        <translation>ein JSON-Dokument größer als %1 MB, mehr liest Tideline nicht auf einmal: einen Datensatz pro Zeile schreiben (JSON Lines)</translation>
    </message>
    <message>
        <location filename="../core/records/jsonrecords.cpp" line="309"/>
        <source>no record has a key: there are no columns to read</source>
        <translation>kein Datensatz hat einen Schlüssel: es gibt keine Spalten zum Lesen</translation>
    </message>
    <message>
        <location filename="../core/records/jsonrecords.cpp" line="338"/>
        <source>no array of records in this JSON object (expected {&quot;data&quot;: [{…}, …]}, an array of objects, or one object per line)</source>
        <translation>kein Array von Datensätzen in diesem JSON-Objekt (erwartet: {&quot;data&quot;: [{…}, …]}, ein Array von Objekten oder ein Objekt pro Zeile)</translation>
    </message>
    <message>
        <location filename="../core/records/jsonrecords.cpp" line="350"/>
        <source>record %1 is not a JSON object</source>
        <translation>Datensatz %1 ist kein JSON-Objekt</translation>
    </message>
    <message>
        <location filename="../core/records/jsonrecords.cpp" line="374"/>
        <source>a line longer than %1 MB, the most Tideline reads</source>
        <translation>eine Zeile länger als %1 MB; mehr liest Tideline nicht</translation>
    </message>
    <message>
        <location filename="../core/records/jsonrecords.cpp" line="385"/>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <location filename="../core/records/jsonrecords.cpp" line="415"/>
        <source>more than %1 columns, the most Tideline reads</source>
        <translation>mehr als %1 Spalten; mehr liest Tideline nicht</translation>
    </message>
    <message>
        <location filename="../core/records/jsonrecords.cpp" line="435"/>
        <source>no flow events (event_type &quot;flow&quot;) among %1 events: %2</source>
        <translation>keine Flussereignisse (event_type &quot;flow&quot;) unter %1 Ereignissen: %2</translation>
    </message>
    <message>
        <location filename="../core/records/jsonrecords.cpp" line="441"/>
        <source>%1 events other than flows were left out: %2</source>
        <translation>%1 Ereignisse, die keine Flüsse sind, wurden ausgelassen: %2</translation>
    </message>
    <message>
        <location filename="../core/records/zeeklog.cpp" line="113"/>
        <source>a Zeek log without a #fields line before its first row</source>
        <translation>ein Zeek-Log ohne #fields-Zeile vor seiner ersten Zeile</translation>
    </message>
    <message>
        <location filename="../core/remote/matrixresponse.cpp" line="33"/>
        <source>the answer is empty</source>
        <translation>die Antwort ist leer</translation>
    </message>
    <message>
        <location filename="../core/remote/matrixresponse.cpp" line="34"/>
        <source>the answer is not Prometheus JSON (%1 at byte %2): %3</source>
        <translation>die Antwort ist kein Prometheus-JSON (%1 bei Byte %2): %3</translation>
    </message>
    <message>
        <location filename="../core/remote/matrixresponse.cpp" line="48"/>
        <source>the answer&apos;s status is &quot;%1&quot;, not &quot;success&quot;</source>
        <translation>der Status der Antwort ist &quot;%1&quot;, nicht &quot;success&quot;</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheusclient.cpp" line="62"/>
        <source>cannot read the CA file %1: %2</source>
        <translation>die CA-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheusclient.cpp" line="67"/>
        <source>the CA file %1 holds no PEM certificate</source>
        <translation>die CA-Datei %1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheusclient.cpp" line="116"/>
        <source>no answer within %1</source>
        <translation>keine Antwort innerhalb von %1</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheusclient.cpp" line="117"/>
        <source>cannot reach the server: %1</source>
        <translation>der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheusclient.cpp" line="127"/>
        <source>HTTP %1 %2: %3</source>
        <translation>HTTP %1 %2: %3</translation>
    </message>
    <message>
        <location filename="../core/api/detectrequest.cpp" line="34"/>
        <source>unknown detector &apos;%1&apos; (GET /api/detectors lists them)</source>
        <translation>unbekannter Detektor &apos;%1&apos; (GET /api/detectors listet sie auf)</translation>
    </message>
    <message>
        <location filename="../core/api/detectrequest.cpp" line="39"/>
        <source>give percentile or false_alarms_per_day, not both</source>
        <translation>percentile oder false_alarms_per_day angeben, nicht beides</translation>
    </message>
    <message>
        <location filename="../core/api/detectrequest.cpp" line="43"/>
        <source>percentile needs a number from 0 to 100</source>
        <translation>percentile braucht eine Zahl von 0 bis 100</translation>
    </message>
    <message>
        <location filename="../core/api/detectrequest.cpp" line="50"/>
        <source>false_alarms_per_day needs a number of at least 0</source>
        <translation>false_alarms_per_day braucht eine Zahl von mindestens 0</translation>
    </message>
    <message>
        <location filename="../core/api/detectrequest.cpp" line="62"/>
        <source>%1 needs labelled training rows; the API runs unsupervised detectors</source>
        <translation>%1 braucht gekennzeichnete Trainingszeilen; die API führt unüberwachte Detektoren aus</translation>
    </message>
    <message>
        <location filename="../core/api/detectrequest.cpp" line="73"/>
        <source>the body has %1 bytes, more than the limit of %2</source>
        <translation>der Body hat %1 Bytes, mehr als die Grenze von %2</translation>
    </message>
    <message>
        <location filename="../core/api/detectrequest.cpp" line="77"/>
        <source>the body is not JSON: send {&quot;data&quot;: [{&quot;timestamp&quot;: …, …}]}</source>
        <translation>der Body ist kein JSON: {&quot;data&quot;: [{&quot;timestamp&quot;: …, …}]} senden</translation>
    </message>
    <message>
        <location filename="../core/api/detectrequest.cpp" line="89"/>
        <source>the records have no rows with numeric fields to score</source>
        <translation>die Datensätze haben keine Zeilen mit numerischen Feldern zum Bewerten</translation>
    </message>
    <message>
        <location filename="../core/api/detectrequest.cpp" line="93"/>
        <source>%1 records, more than the limit of %2</source>
        <translation>%1 Datensätze, mehr als die Grenze von %2</translation>
    </message>
    <message>
        <location filename="../core/detect/modelstream.cpp" line="109"/>
        <source>at byte %1: %2</source>
        <translation>bei Byte %1: %2</translation>
    </message>
    <message>
        <location filename="../core/detect/modelstream.cpp" line="115"/>
        <source>the file ends too early</source>
        <translation>die Datei endet zu früh</translation>
    </message>
    <message>
        <location filename="../core/detect/modelstream.cpp" line="161"/>
        <source>a length of %1 is more than the file holds</source>
        <translation>eine Länge von %1 ist mehr, als die Datei enthält</translation>
    </message>
    <message>
        <location filename="../core/detect/modelstream.cpp" line="226"/>
        <source>a matrix of %1 × %2 is more than the file holds</source>
        <translation>eine Matrix von %1 × %2 ist mehr, als die Datei enthält</translation>
    </message>
    <message>
        <location filename="../core/live/livepipeline.cpp" line="16"/>
        <source>unknown detector &apos;%1&apos;</source>
        <translation>unbekannter Detektor &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/live/livepipeline.cpp" line="23"/>
        <source>%1 learns from labelled rows, and live bins have no labels; watch with an unsupervised detector</source>
        <translation>%1 lernt aus beschrifteten Zeilen, und Live-Intervalle haben keine Beschriftung; beobachten Sie mit einem unüberwachten Detektor</translation>
    </message>
    <message>
        <location filename="../core/live/livepipeline.cpp" line="30"/>
        <source>the warm-up needs at least 2 bins</source>
        <translation>die Aufwärmphase braucht mindestens 2 Intervalle</translation>
    </message>
    <message>
        <location filename="../core/live/packetsource.cpp" line="133"/>
        <source>capturing on %1 is not permitted (%2). Give the program the capability once, as root: setcap cap_net_raw,cap_net_admin=eip %3</source>
        <translation>Mitschneiden auf %1 ist nicht erlaubt (%2). Dem Programm einmalig als root die Berechtigung geben: setcap cap_net_raw,cap_net_admin=eip %3</translation>
    </message>
    <message>
        <location filename="../core/live/packetsource.cpp" line="137"/>
        <source>there is no interface %1 (%2)</source>
        <translation>es gibt keine Schnittstelle %1 (%2)</translation>
    </message>
    <message>
        <location filename="../core/live/packetsource.cpp" line="138"/>
        <location filename="../core/live/packetsource.cpp" line="194"/>
        <location filename="../core/live/packetsource.cpp" line="220"/>
        <source>cannot capture on %1: %2</source>
        <translation>auf %1 kann nicht mitgeschnitten werden: %2</translation>
    </message>
    <message>
        <location filename="../core/live/packetsource.cpp" line="181"/>
        <source>%1: stopped after packet %2: %3</source>
        <translation>%1: nach Paket %2 angehalten: %3</translation>
    </message>
    <message>
        <location filename="../core/live/packetsource.cpp" line="211"/>
        <location filename="../core/live/packetsource.cpp" line="216"/>
        <source>--filter &apos;%1&apos;: %2</source>
        <translation>--filter &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <location filename="../core/live/packetsource.cpp" line="244"/>
        <source>capture on %1 failed: %2</source>
        <translation>Mitschnitt auf %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../core/records/nfdumpfile.cpp" line="43"/>
        <source>cannot run nfdump, through which Tideline reads nfcapd files (install Debian&apos;s nfdump package): %1</source>
        <translation>nfdump, über das Tideline nfcapd-Dateien liest, kann nicht ausgeführt werden (Debians Paket nfdump installieren): %1</translation>
    </message>
    <message>
        <location filename="../core/records/nfdumpfile.cpp" line="52"/>
        <source>nfdump stopped abnormally</source>
        <translation>nfdump wurde abnormal beendet</translation>
    </message>
    <message>
        <location filename="../core/records/nfdumpfile.cpp" line="53"/>
        <source>nfdump failed (exit status %1)</source>
        <translation>nfdump fehlgeschlagen (Exit-Status %1)</translation>
    </message>
    <message>
        <location filename="../core/records/nfdumpfile.cpp" line="67"/>
        <source>nfdump -I gave no answer in %1 s</source>
        <translation>nfdump -I gab in %1 s keine Antwort</translation>
    </message>
    <message>
        <location filename="../core/records/nfdumpfile.cpp" line="114"/>
        <source>nfdump printed nothing for %1 s</source>
        <translation>nfdump gab %1 s lang nichts aus</translation>
    </message>
    <message>
        <location filename="../core/threshold/modelfile.cpp" line="71"/>
        <source>&apos;%1&apos; is not a supervised detector this Tideline knows</source>
        <translation>&apos;%1&apos; ist kein überwachter Detektor, den dieses Tideline kennt</translation>
    </message>
    <message>
        <location filename="../core/threshold/modelfile.cpp" line="91"/>
        <source>the training rows per class are damaged</source>
        <translation>die Trainingszeilen pro Klasse sind beschädigt</translation>
    </message>
    <message>
        <location filename="../core/threshold/modelfile.cpp" line="93"/>
        <source>the classifier has %1 columns, the features %2</source>
        <translation>der Klassifikator hat %1 Spalten, die Merkmale %2</translation>
    </message>
    <message>
        <location filename="../core/threshold/modelfile.cpp" line="97"/>
        <source>more bytes follow the model</source>
        <translation>nach dem Modell folgen weitere Bytes</translation>
    </message>
    <message>
        <location filename="../core/records/nfdumpjson.cpp" line="59"/>
        <source>nfdump&apos;s JSON record %1 cannot be read: %2</source>
        <translation>JSON-Datensatz %1 von nfdump kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../core/records/nfdumpjson.cpp" line="103"/>
        <source>nfdump&apos;s JSON output ends inside a record</source>
        <translation>die JSON-Ausgabe von nfdump endet innerhalb eines Datensatzes</translation>
    </message>
    <message>
        <location filename="../core/records/nfdumpjson.cpp" line="107"/>
        <source>the nfcapd file holds no flows</source>
        <translation>die nfcapd-Datei enthält keine Flüsse</translation>
    </message>
    <message>
        <location filename="../core/records/nfdumpjson.cpp" line="127"/>
        <source>%1 flows without a time (first seen 0), %2 packets, were left out</source>
        <translation>%1 Flüsse ohne Zeit (first seen 0), %2 Pakete, wurden ausgelassen</translation>
    </message>
    <message>
        <location filename="../core/records/nfdumpjson.cpp" line="145"/>
        <source>%1 records other than flows were left out: %2</source>
        <translation>%1 Datensätze, die keine Flüsse sind, wurden ausgelassen: %2</translation>
    </message>
</context>
<context>
    <name>tideline::AnomalyKind</name>
    <message>
        <location filename="../core/investigation/anomalykind.cpp" line="18"/>
        <source>Port scan</source>
        <translation>Portscan</translation>
    </message>
    <message>
        <location filename="../core/investigation/anomalykind.cpp" line="20"/>
        <source>Host sweep</source>
        <translation>Host-Sweep</translation>
    </message>
    <message>
        <location filename="../core/investigation/anomalykind.cpp" line="21"/>
        <source>SYN flood</source>
        <translation>SYN-Flut</translation>
    </message>
    <message>
        <location filename="../core/investigation/anomalykind.cpp" line="22"/>
        <source>UDP flood</source>
        <translation>UDP-Flut</translation>
    </message>
    <message>
        <location filename="../core/investigation/anomalykind.cpp" line="24"/>
        <source>Amplification</source>
        <translation>Verstärkungsangriff</translation>
    </message>
    <message>
        <location filename="../core/investigation/anomalykind.cpp" line="26"/>
        <source>Large upload</source>
        <translation>Großer Upload</translation>
    </message>
    <message>
        <location filename="../core/investigation/anomalykind.cpp" line="28"/>
        <source>New talker</source>
        <translation>Neuer Teilnehmer</translation>
    </message>
    <message>
        <location filename="../core/investigation/anomalykind.cpp" line="30"/>
        <source>Volume spike</source>
        <translation>Verkehrsspitze</translation>
    </message>
    <message>
        <location filename="../core/investigation/anomalykind.cpp" line="32"/>
        <source>Volume drop</source>
        <translation>Verkehrseinbruch</translation>
    </message>
    <message>
        <location filename="../core/investigation/anomalykind.cpp" line="33"/>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <location filename="../core/investigation/anomalykind.cpp" line="34"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>tideline::AnomalyModel</name>
    <message numerus="yes">
        <location filename="../ui/anomalymodel.cpp" line="97"/>
        <source>%1 +%n more</source>
        <translation>
            <numerusform>%1 +%n weitere</numerusform>
            <numerusform>%1 +%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="107"/>
        <source>No known anomaly overlaps this interval</source>
        <translation>Keine bekannte Anomalie überlappt diesen Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="111"/>
        <source>%1 (%2 – %3)%4</source>
        <translation>%1 (%2 – %3)%4</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="145"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/anomalymodel.cpp" line="146"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="150"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="154"/>
        <source>Describing…</source>
        <translation>Wird beschrieben…</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="157"/>
        <source>%1 (detached)</source>
        <translation>%1 (nicht zugeordnet)</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="231"/>
        <source>%1
Evidence: %2</source>
        <translation>%1
Belege: %2</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="238"/>
        <source>Detached: no interval of the current run overlaps what you said about this one. It is kept, and finds its interval again when one overlaps it.</source>
        <translation>Nicht zugeordnet: Kein Zeitraum des aktuellen Laufs überlappt, was Sie zu diesem vermerkt haben. Der Eintrag bleibt erhalten und findet seinen Zeitraum wieder, sobald einer ihn überlappt.</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="265"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="267"/>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="267"/>
        <source>First row</source>
        <translation>Erste Zeile</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="269"/>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="269"/>
        <source>End row</source>
        <translation>Endzeile</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="271"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="271"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="273"/>
        <source>Peak score</source>
        <translation>Höchste Bewertung</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="275"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="277"/>
        <source>Truth</source>
        <translation>Wahrheit</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="279"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="281"/>
        <source>Found by</source>
        <translation>Gefunden von</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="283"/>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="285"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="287"/>
        <source>Top source</source>
        <translation>Häufigste Quelle</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="289"/>
        <source>Top destination</source>
        <translation>Wichtigstes Ziel</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="291"/>
        <source>Top dst port</source>
        <translation>Häufigster Zielport</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="293"/>
        <source>Label</source>
        <translation>Kennzeichnung</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="295"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="303"/>
        <source>Checked anomalies are written by File ▸ Export marked anomalies</source>
        <translation>Angehakte Anomalien werden von Datei ▸ Markierte Anomalien exportieren geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="305"/>
        <source>Start of the interval (UTC)</source>
        <translation>Beginn des Zeitraums (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="305"/>
        <source>First row of the interval</source>
        <translation>Erste Zeile des Zeitraums</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="307"/>
        <source>End of the interval (UTC), exclusive</source>
        <translation>Ende des Zeitraums (UTC), ausschließlich</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="308"/>
        <source>Row after the interval&apos;s last row</source>
        <translation>Zeile nach der letzten Zeile des Zeitraums</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="310"/>
        <source>Length of the interval in seconds</source>
        <translation>Länge des Zeitraums in Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="311"/>
        <source>Number of rows in the interval</source>
        <translation>Anzahl der Zeilen im Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="313"/>
        <source>Highest anomaly score in the interval</source>
        <translation>Höchste Anomaliebewertung im Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="315"/>
        <source>What the interval was, by plain rules: port scan, host sweep, SYN flood, UDP flood, amplification, new talker, volume spike or drop, no data</source>
        <translation>Was der Zeitraum war, nach einfachen Regeln: Portscan, Host-Sweep, SYN-Flut, UDP-Flut, Verstärkungsangriff, neuer Teilnehmer, Verkehrsspitze oder -einbruch, keine Daten</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="318"/>
        <source>The known anomalies this interval overlaps, by kind: from a truth file (Detect ▸ Load Truth…, or FILE.truth.csv beside the file) or the file&apos;s label column; empty when it overlaps none</source>
        <translation>Die bekannten Anomalien, die dieser Zeitraum überlappt, nach Art: aus einer Wahrheitsdatei (Erkennung ▸ Wahrheit laden… oder DATEI.truth.csv neben der Datei) oder der Kennzeichnungsspalte der Datei; leer, wenn er keine überlappt</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="322"/>
        <source>One line saying what happened, who did it and how much</source>
        <translation>Eine Zeile: was geschah, wer es tat und wie viel</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="324"/>
        <source>The detector that flagged the interval, or &quot;manual&quot; for a range you marked yourself</source>
        <translation>Der Detektor, der den Zeitraum gemeldet hat, oder „manual“ für einen Bereich, den Sie selbst markiert haben</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="327"/>
        <source>Packets in the interval</source>
        <translation>Pakete im Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="329"/>
        <source>Bytes in the interval</source>
        <translation>Bytes im Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="331"/>
        <source>The sender whose traffic changed most against the baseline (a host that only answers is no sender)</source>
        <translation>Der Sender, dessen Verkehr sich gegenüber der Grundlinie am stärksten änderte (ein Host, der nur antwortet, ist kein Sender)</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="334"/>
        <source>The receiver whose traffic changed most against the baseline</source>
        <translation>Der Empfänger, dessen Verkehr sich gegenüber der Grundlinie am stärksten änderte</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="336"/>
        <source>The service port whose traffic changed most against the baseline (a reply&apos;s destination port is no service)</source>
        <translation>Der Dienstport, dessen Verkehr sich gegenüber der Grundlinie am stärksten änderte (der Zielport einer Antwort ist kein Dienst)</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="339"/>
        <source>Your verdict: attack, false positive, benign… (double-click to edit)</source>
        <translation>Ihre Einschätzung: Angriff, Fehlalarm, harmlos… (Doppelklick zum Bearbeiten)</translation>
    </message>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="341"/>
        <source>Free text for your notes (double-click to edit)</source>
        <translation>Freitext für Ihre Notizen (Doppelklick zum Bearbeiten)</translation>
    </message>
</context>
<context>
    <name>tideline::ApiServer</name>
    <message>
        <location filename="../core/api/apiserver.cpp" line="67"/>
        <source>cannot listen on %1 port %2</source>
        <translation>auf %1 Port %2 kann nicht gelauscht werden</translation>
    </message>
    <message>
        <location filename="../core/api/apiserver.cpp" line="82"/>
        <source>this server needs Authorization: Bearer TOKEN (the --token it was started with)</source>
        <translation>dieser Server braucht Authorization: Bearer TOKEN (das --token, mit dem er gestartet wurde)</translation>
    </message>
    <message>
        <location filename="../core/api/apiserver.cpp" line="128"/>
        <source>too many stream clients (%1)</source>
        <translation>zu viele Stream-Clients (%1)</translation>
    </message>
</context>
<context>
    <name>tideline::CaptureDialog</name>
    <message>
        <location filename="../ui/capturedialog.cpp" line="48"/>
        <source>&amp;Keep the packets in a ring of pcapng files</source>
        <translation>Pakete in einem Ring von pcapng-Dateien &amp;aufbewahren</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="55"/>
        <source>Start capture</source>
        <translation>Mitschnitt starten</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="59"/>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="59"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="59"/>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="65"/>
        <source>all packets; or e.g. tcp port 443 or udp</source>
        <translation>alle Pakete; oder z. B. tcp port 443 or udp</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="73"/>
        <source> bytes</source>
        <translation> Byte</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="75"/>
        <source>Bytes kept of each packet: the headers are what is binned</source>
        <translation>Bytes, die von jedem Paket behalten werden: gezählt werden die Header</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="87"/>
        <source> bins</source>
        <translation> Intervalle</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="89"/>
        <source>The detector and its threshold are fitted on this many first bins with traffic; later bins are scored as they close</source>
        <translation>Detektor und Schwelle werden auf so vielen ersten Intervallen mit Verkehr angepasst; spätere Intervalle werden bewertet, sobald sie abgeschlossen sind</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="97"/>
        <source>a folder for the files</source>
        <translation>ein Ordner für die Dateien</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="98"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="103"/>
        <source> files</source>
        <translation> Dateien</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="107"/>
        <source> MB each</source>
        <translation> MB je Datei</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="116"/>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="117"/>
        <source>Keep:</source>
        <translation>Behalten:</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="118"/>
        <source>When the last file is full the oldest is removed.</source>
        <translation>Ist die letzte Datei voll, wird die älteste entfernt.</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="122"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="127"/>
        <source>Capture &amp;filter:</source>
        <translation>Mitschnitt&amp;filter:</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="129"/>
        <source>S&amp;nap length:</source>
        <translation>S&amp;naplänge:</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="130"/>
        <source>B&amp;in width:</source>
        <translation>&amp;Intervallbreite:</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="131"/>
        <source>&amp;Warm-up:</source>
        <translation>Auf&amp;wärmphase:</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="154"/>
        <source>down</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="155"/>
        <source>up</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="156"/>
        <source>up, no link</source>
        <translation>aktiv, keine Verbindung</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="159"/>
        <source>%1 (loopback)</source>
        <translation>%1 (Loopback)</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="170"/>
        <source>libpcap lists no interface</source>
        <translation>libpcap listet keine Schnittstelle</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="194"/>
        <source>Detector: %1, as the Detector panel is set</source>
        <translation>Detektor: %1, wie im Detektor-Bereich eingestellt</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="195"/>
        <source>Detector: %1 — %2. Choose another in the Detector panel.</source>
        <translation>Detektor: %1 — %2. Im Detektor-Bereich einen anderen wählen.</translation>
    </message>
    <message>
        <location filename="../ui/capturedialog.cpp" line="211"/>
        <source>Folder for the ring files</source>
        <translation>Ordner für die Ringdateien</translation>
    </message>
</context>
<context>
    <name>tideline::CaseFile</name>
    <message>
        <location filename="../core/case/casefile.cpp" line="762"/>
        <location filename="../core/case/casefile.cpp" line="858"/>
        <location filename="../core/case/casefile.cpp" line="991"/>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../core/case/casefile.cpp" line="792"/>
        <source>it was written on a machine with another memory layout (%1)</source>
        <translation>sie wurde auf einem Rechner mit anderem Speicherlayout geschrieben (%1)</translation>
    </message>
    <message>
        <location filename="../core/case/casefile.cpp" line="842"/>
        <location filename="../core/case/casefile.cpp" line="895"/>
        <source>%1 is damaged: %2</source>
        <translation>%1 ist beschädigt: %2</translation>
    </message>
    <message>
        <location filename="../core/case/casefile.cpp" line="871"/>
        <source>it holds no series</source>
        <translation>sie enthält keine Reihe</translation>
    </message>
    <message>
        <location filename="../core/case/casefile.cpp" line="906"/>
        <source>%1: nothing to save</source>
        <translation>%1: nichts zu speichern</translation>
    </message>
    <message>
        <location filename="../core/case/casefile.cpp" line="961"/>
        <location filename="../core/case/casefile.cpp" line="1001"/>
        <source>the file system does not allow a write-ahead log</source>
        <translation>das Dateisystem erlaubt kein Write-Ahead-Log</translation>
    </message>
    <message>
        <location filename="../core/case/casefile.cpp" line="774"/>
        <source>the file is damaged (%1)</source>
        <translation>die Datei ist beschädigt (%1)</translation>
    </message>
    <message>
        <location filename="../core/case/casefile.cpp" line="775"/>
        <source>no answer to a check</source>
        <translation>keine Antwort auf eine Prüfung</translation>
    </message>
    <message>
        <location filename="../core/case/casefile.cpp" line="1011"/>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>tideline::ChartStack</name>
    <message>
        <location filename="../ui/chartstack.cpp" line="35"/>
        <source>1 in %1</source>
        <translation>1 von %1</translation>
    </message>
    <message>
        <location filename="../ui/chartstack.cpp" line="63"/>
        <source>The whole file; click to move the view there</source>
        <translation>Die ganze Datei; klicken, um die Ansicht dorthin zu verschieben</translation>
    </message>
    <message>
        <location filename="../ui/chartstack.cpp" line="188"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/chartstack.cpp" line="191"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../ui/chartstack.cpp" line="192"/>
        <source>rows %1 – %2</source>
        <translation>Zeilen %1 – %2</translation>
    </message>
    <message>
        <location filename="../ui/chartstack.cpp" line="196"/>
        <source>Truth from %1: no labelled interval in these rows</source>
        <translation>Wahrheit aus %1: kein gekennzeichneter Zeitraum in diesen Zeilen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/chartstack.cpp" line="197"/>
        <source>Truth from %1: %n labelled interval(s)</source>
        <translation>
            <numerusform>Wahrheit aus %1: %n gekennzeichneter Zeitraum</numerusform>
            <numerusform>Wahrheit aus %1: %n gekennzeichnete Zeiträume</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/chartstack.cpp" line="227"/>
        <source>%1 score</source>
        <translation>Bewertung (%1)</translation>
    </message>
    <message>
        <location filename="../ui/chartstack.cpp" line="254"/>
        <source>Trained on %1</source>
        <translation>Trainiert über %1</translation>
    </message>
    <message>
        <location filename="../ui/chartstack.cpp" line="256"/>
        <source>: %1 – %2</source>
        <translation>: %1 – %2</translation>
    </message>
    <message>
        <location filename="../ui/chartstack.cpp" line="260"/>
        <source>: rows %1 – %2</source>
        <translation>: Zeilen %1 – %2</translation>
    </message>
</context>
<context>
    <name>tideline::ClassCountModel</name>
    <message>
        <location filename="../ui/classcountmodel.cpp" line="36"/>
        <source>An attack class</source>
        <translation>Eine Angriffsklasse</translation>
    </message>
    <message>
        <location filename="../ui/classcountmodel.cpp" line="36"/>
        <source>A normal class</source>
        <translation>Eine normale Klasse</translation>
    </message>
    <message>
        <location filename="../ui/classcountmodel.cpp" line="61"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/classcountmodel.cpp" line="63"/>
        <source>Training rows</source>
        <translation>Trainingszeilen</translation>
    </message>
    <message>
        <location filename="../ui/classcountmodel.cpp" line="65"/>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
</context>
<context>
    <name>tideline::ClassifierPanel</name>
    <message>
        <location filename="../ui/classifierpanel.cpp" line="30"/>
        <source>Confusion Matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <location filename="../ui/classifierpanel.cpp" line="31"/>
        <source>Feature Importances</source>
        <translation>Merkmalswichtigkeiten</translation>
    </message>
    <message>
        <location filename="../ui/classifierpanel.cpp" line="32"/>
        <source>The shown file&apos;s labels against the classes the model predicted</source>
        <translation>Die Kennzeichnungen der angezeigten Datei gegenüber den Klassen, die das Modell vorhergesagt hat</translation>
    </message>
    <message>
        <location filename="../ui/classifierpanel.cpp" line="33"/>
        <source>How much each feature&apos;s splits purified the forest&apos;s trees (mean decrease in Gini impurity)</source>
        <translation>Wie sehr die Aufteilungen jedes Merkmals die Bäume des Waldes bereinigt haben (mittlere Abnahme der Gini-Unreinheit)</translation>
    </message>
</context>
<context>
    <name>tideline::ComparisonModel</name>
    <message>
        <location filename="../ui/comparisonmodel.cpp" line="9"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/comparisonmodel.cpp" line="43"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/comparisonmodel.cpp" line="48"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../ui/comparisonmodel.cpp" line="48"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../ui/comparisonmodel.cpp" line="85"/>
        <source>%1: %2 % of the interval&apos;s packets, %3 % of the baseline&apos;s</source>
        <translation>%1: %2 % der Pakete des Zeitraums, %3 % der Pakete des Vergleichszeitraums</translation>
    </message>
    <message>
        <location filename="../ui/comparisonmodel.cpp" line="105"/>
        <source>Interval packets</source>
        <translation>Pakete im Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/comparisonmodel.cpp" line="107"/>
        <source>Baseline packets</source>
        <translation>Pakete im Vergleichszeitraum</translation>
    </message>
    <message>
        <location filename="../ui/comparisonmodel.cpp" line="109"/>
        <source>Surprise</source>
        <translation>Überraschung</translation>
    </message>
    <message>
        <location filename="../ui/comparisonmodel.cpp" line="111"/>
        <source>Share of change</source>
        <translation>Anteil an der Änderung</translation>
    </message>
    <message>
        <location filename="../ui/comparisonmodel.cpp" line="113"/>
        <source>Δ packets/s</source>
        <translation>Δ Pakete/s</translation>
    </message>
    <message>
        <location filename="../ui/comparisonmodel.cpp" line="115"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../ui/comparisonmodel.cpp" line="123"/>
        <source>Packets in the selected interval</source>
        <translation>Pakete im ausgewählten Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/comparisonmodel.cpp" line="125"/>
        <source>Packets in the baseline: the same length of time before and after the interval</source>
        <translation>Pakete im Vergleichszeitraum: dieselbe Zeitdauer vor und nach dem Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/comparisonmodel.cpp" line="128"/>
        <source>How unlikely the interval&apos;s packets are at the key&apos;s baseline rate (log-likelihood ratio): a key that appears from nothing scores above a busy one that grows by as much</source>
        <translation>Wie unwahrscheinlich die Pakete des Intervalls bei der Grundrate des Schlüssels sind (Log-Likelihood-Verhältnis): Ein Schlüssel, der aus dem Nichts auftaucht, liegt über einem viel genutzten, der um ebenso viel wächst</translation>
    </message>
    <message>
        <location filename="../ui/comparisonmodel.cpp" line="132"/>
        <source>This key&apos;s part of the total change in packet rate across all keys</source>
        <translation>Anteil dieses Schlüssels an der gesamten Änderung der Paketrate über alle Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/comparisonmodel.cpp" line="134"/>
        <source>Packets per second in the interval minus packets per second in the baseline</source>
        <translation>Pakete pro Sekunde im Zeitraum minus Pakete pro Sekunde im Vergleichszeitraum</translation>
    </message>
    <message>
        <location filename="../ui/comparisonmodel.cpp" line="137"/>
        <source>Seen in the interval but not in the baseline</source>
        <translation>Im Zeitraum gesehen, aber nicht im Vergleichszeitraum</translation>
    </message>
</context>
<context>
    <name>tideline::ConfusionModel</name>
    <message>
        <location filename="../ui/confusionmodel.cpp" line="70"/>
        <source>Rows: the true class; columns: the class predicted, then the row class&apos;s scores</source>
        <translation>Zeilen: die wahre Klasse; Spalten: die vorhergesagte Klasse, dann die Kennzahlen der Zeilenklasse</translation>
    </message>
    <message>
        <location filename="../ui/confusionmodel.cpp" line="78"/>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <location filename="../ui/confusionmodel.cpp" line="81"/>
        <source>Recall</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <location filename="../ui/confusionmodel.cpp" line="83"/>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <location filename="../ui/confusionmodel.cpp" line="85"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../ui/confusionmodel.cpp" line="87"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
</context>
<context>
    <name>tideline::Contextual</name>
    <message>
        <location filename="../core/detect/contextual.cpp" line="45"/>
        <source>Levels the training range of each feature is cut into</source>
        <translation>Stufen, in die der Trainingsbereich jedes Merkmals geteilt wird</translation>
    </message>
    <message>
        <location filename="../core/detect/contextual.cpp" line="52"/>
        <source>Most facts in the left side of a learnt context (CAD OSE: 7)</source>
        <translation>Höchstzahl der Fakten auf der linken Seite eines gelernten Kontexts (CAD OSE: 7)</translation>
    </message>
    <message>
        <location filename="../core/detect/contextual.cpp" line="59"/>
        <source>Score from which the detector rests</source>
        <translation>Bewertung, ab der der Detektor pausiert</translation>
    </message>
    <message>
        <location filename="../core/detect/contextual.cpp" line="66"/>
        <source>Rows scored 0 after an alarm (0: a fifth of the probation)</source>
        <translation>Nach einem Alarm mit 0 bewertete Zeilen (0: ein Fünftel der Probezeit)</translation>
    </message>
    <message>
        <location filename="../core/detect/contextual.cpp" line="74"/>
        <source>Most training rows used as probation; the first half of it only learns (scores 0); trained on every row it scores, at most 15 % of them</source>
        <translation>Höchstzahl der Trainingszeilen als Probezeit; in der ersten Hälfte wird nur gelernt (Bewertung 0); auf allen Zeilen trainiert, die er bewertet, höchstens 15 % davon</translation>
    </message>
</context>
<context>
    <name>tideline::DetectionController</name>
    <message>
        <location filename="../ui/detectioncontroller.cpp" line="43"/>
        <location filename="../ui/detectioncontroller.cpp" line="185"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/detectioncontroller.cpp" line="47"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/detectioncontroller.cpp" line="189"/>
        <source>%1 learnt from bins of %2, and the shown bins are %3 wide: choose %2 as the bin width first</source>
        <translation>%1 hat aus Intervallen von %2 gelernt, die angezeigten Intervalle sind %3 breit: zuerst %2 als Intervallbreite wählen</translation>
    </message>
</context>
<context>
    <name>tideline::DetectorPanel</name>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="147"/>
        <source>Time of day and day of week</source>
        <translation>Tageszeit und Wochentag</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="156"/>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="157"/>
        <source>Train on &amp;Another File…</source>
        <translation>Auf a&amp;nderer Datei trainieren…</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="161"/>
        <source>A supervised detector flags the rows it predicts as attacks (a probability above 0.5): the threshold does not apply.</source>
        <translation>Ein überwachter Detektor markiert die Zeilen, die er als Angriffe vorhersagt (eine Wahrscheinlichkeit über 0.5): der Schwellenwert gilt nicht.</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="175"/>
        <source>Features the detector sees; counts are log-scaled, all are scaled on the training rows</source>
        <translation>Merkmale, die der Detektor sieht; Zählwerte werden logarithmisch skaliert, alle werden anhand der Trainingszeilen skaliert</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="178"/>
        <source>Adds the time of day and the day of the week as features, so a daily or weekly rhythm counts as normal</source>
        <translation>Fügt Tageszeit und Wochentag als Merkmale hinzu, damit ein täglicher oder wöchentlicher Rhythmus als normal gilt</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="181"/>
        <source>All rows</source>
        <translation>Alle Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="181"/>
        <source>First part</source>
        <translation>Erster Teil</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="181"/>
        <source>Selected range</source>
        <translation>Ausgewählter Bereich</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="182"/>
        <source>Rows the detector learns normal traffic from. Select a range on the chart with Ctrl+drag to train on a stretch you know is clean.</source>
        <translation>Zeilen, aus denen der Detektor normalen Verkehr lernt. Mit Strg+Ziehen einen Bereich im Diagramm auswählen, um auf einem Abschnitt zu trainieren, der bekanntermaßen sauber ist.</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="187"/>
        <source>The same data, parameters and seed give the same scores</source>
        <translation>Gleiche Daten, Parameter und Zufallsstartwert ergeben gleiche Bewertungen</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="195"/>
        <source>Each step right makes an alarm ten times rarer</source>
        <translation>Jeder Schritt nach rechts macht einen Alarm zehnmal seltener</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="199"/>
        <location filename="../ui/detectorpanel.cpp" line="214"/>
        <source> th</source>
        <translation>. Perzentil</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="200"/>
        <source>Bins scoring above this percentile of the training rows&apos; scores are anomalous. Past what the training rows resolve, the percentile comes from a tail fitted to their highest scores. Changing it never retrains.</source>
        <translation>Intervalle, deren Bewertung über diesem Perzentil der Bewertungen der Trainingszeilen liegt, sind anomal. Jenseits dessen, was die Trainingszeilen auflösen, stammt das Perzentil aus einem an ihre höchsten Bewertungen angepassten Rand. Eine Änderung löst nie ein neues Training aus.</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="207"/>
        <source> / day</source>
        <translation> / Tag</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="209"/>
        <source>The same threshold as the false alarms to expect per day of normal traffic, through the bin width. Type either.</source>
        <translation>Derselbe Schwellenwert als die pro Tag normalen Verkehrs zu erwartenden Fehlalarme, über die Intervallbreite umgerechnet. Beides lässt sich eingeben.</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="215"/>
        <source>An interval opens where the score crosses the threshold and holds while it stays above this percentile of the training scores, so it covers the whole event. 100: no hold.</source>
        <translation>Ein Zeitraum beginnt, wo die Bewertung den Schwellenwert überschreitet, und hält an, solange sie über diesem Perzentil der Trainingsbewertungen bleibt, sodass er das ganze Ereignis abdeckt. 100: kein Halten.</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="230"/>
        <source>The training rows of each class the model learnt</source>
        <translation>Die Trainingszeilen jeder Klasse, die das Modell gelernt hat</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="257"/>
        <source>False alarms:</source>
        <translation>Fehlalarme:</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="423"/>
        <source>A text column: one-hot encoded for supervised detectors</source>
        <translation>Eine Textspalte: für überwachte Detektoren one-hot-kodiert</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="425"/>
        <source>Of the connections open in a bin, the most bytes one has uploaded (sent beyond what it received) over its whole life: a slow exfiltration adds little to a bin but is one connection uploading megabytes. Check it to look for such uploads with a detector that sees rows together (knn, autoencoder, isolation_forest); it knows of bins after the one it is in</source>
        <translation>Von den in einem Intervall offenen Verbindungen die meisten Bytes, die eine über ihre ganze Dauer hochgeladen hat (mehr gesendet als empfangen): eine langsame Exfiltration fügt einem Intervall wenig hinzu, ist aber eine Verbindung, die Megabytes hochlädt. Ankreuzen, um mit einem Detektor, der die Zeilen zusammen betrachtet (knn, autoencoder, isolation_forest), nach solchen Uploads zu suchen; es kennt Intervalle nach dem, in dem es steht</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="579"/>
        <source>Model from %1</source>
        <translation>Modell aus %1</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="586"/>
        <source>Trained on %1</source>
        <translation>Trainiert mit %1</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="220"/>
        <source>Fit the detector in the background and score every bin (F5)</source>
        <translation>Den Detektor im Hintergrund anpassen und jedes Intervall bewerten (F5)</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="222"/>
        <source>Fit the detector on another capture or table (binned like this one) and score this file with it</source>
        <translation>Den Detektor auf einem anderen Mitschnitt oder einer anderen Tabelle (wie diese in Intervalle eingeteilt) anpassen und diese Datei damit bewerten</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="242"/>
        <source>hold above</source>
        <translation>halten über</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="249"/>
        <source>Detector:</source>
        <translation>Detektor:</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="252"/>
        <source>Features:</source>
        <translation>Merkmale:</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="254"/>
        <source>Train on:</source>
        <translation>Trainieren auf:</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="255"/>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <location filename="../ui/detectorpanel.cpp" line="256"/>
        <source>Threshold:</source>
        <translation>Schwellenwert:</translation>
    </message>
</context>
<context>
    <name>tideline::FeatureContributionModel</name>
    <message>
        <location filename="../ui/featurecontributionmodel.cpp" line="73"/>
        <source>Feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <location filename="../ui/featurecontributionmodel.cpp" line="75"/>
        <source>Interval mean</source>
        <translation>Mittelwert im Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/featurecontributionmodel.cpp" line="77"/>
        <source>Typical (training median)</source>
        <translation>Typisch (Trainingsmedian)</translation>
    </message>
    <message>
        <location filename="../ui/featurecontributionmodel.cpp" line="79"/>
        <source>Robust z</source>
        <translation>Robustes z</translation>
    </message>
    <message>
        <location filename="../ui/featurecontributionmodel.cpp" line="87"/>
        <source>The feature&apos;s mean over the interval&apos;s bins, in its own units</source>
        <translation>Mittelwert des Merkmals über die Intervalle des Zeitraums, in seiner eigenen Einheit</translation>
    </message>
    <message>
        <location filename="../ui/featurecontributionmodel.cpp" line="89"/>
        <source>The feature&apos;s median over the rows the detector trained on</source>
        <translation>Median des Merkmals über die Zeilen, auf denen der Detektor trainiert wurde</translation>
    </message>
    <message>
        <location filename="../ui/featurecontributionmodel.cpp" line="91"/>
        <source>How far the interval is from typical, as the detector saw the feature (after log and scaling): (mean − median) / (IQR / 1.349). Sorted by size.</source>
        <translation>Wie weit der Zeitraum vom Typischen abweicht, so wie der Detektor das Merkmal sah (nach Logarithmierung und Skalierung): (Mittelwert − Median) / (IQR / 1,349). Nach Größe sortiert.</translation>
    </message>
</context>
<context>
    <name>tideline::FlowModel</name>
    <message>
        <location filename="../ui/flowmodel.cpp" line="188"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="190"/>
        <source>Client port</source>
        <translation>Client-Port</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="192"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="194"/>
        <source>Server port</source>
        <translation>Server-Port</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="196"/>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="198"/>
        <source>First</source>
        <translation>Erstes</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="200"/>
        <source>Last</source>
        <translation>Letztes</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="202"/>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="204"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="206"/>
        <source>TCP flags</source>
        <translation>TCP-Flags</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="208"/>
        <source>Label</source>
        <translation>Kennzeichnung</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="216"/>
        <source>Address that sent the flow&apos;s first packet</source>
        <translation>Adresse, die das erste Paket des Flusses gesendet hat</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="218"/>
        <source>The other end of the flow</source>
        <translation>Das andere Ende des Flusses</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="220"/>
        <source>Time of the flow&apos;s first packet (UTC)</source>
        <translation>Zeit des ersten Pakets des Flusses (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="222"/>
        <source>Time of the flow&apos;s last packet (UTC)</source>
        <translation>Zeit des letzten Pakets des Flusses (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="224"/>
        <source>Packets in both directions over the whole flow</source>
        <translation>Pakete in beide Richtungen über den ganzen Fluss</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="226"/>
        <source>Bytes on the wire in both directions over the whole flow</source>
        <translation>Bytes auf der Leitung in beide Richtungen über den ganzen Fluss</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="228"/>
        <source>Every TCP flag seen in the flow</source>
        <translation>Alle im Fluss gesehenen TCP-Flags</translation>
    </message>
    <message>
        <location filename="../ui/flowmodel.cpp" line="230"/>
        <source>The label the table gives the flow&apos;s row</source>
        <translation>Die Kennzeichnung, die die Tabelle der Zeile des Flusses gibt</translation>
    </message>
</context>
<context>
    <name>tideline::Htm</name>
    <message>
        <location filename="../core/detect/htm.cpp" line="45"/>
        <source>Spatial pooler columns, 2 % of them active (40 of 2048)</source>
        <translation>Spalten des Spatial Pooler, 2 % davon aktiv (40 von 2048)</translation>
    </message>
    <message>
        <location filename="../core/detect/htm.cpp" line="52"/>
        <source>Temporal memory cells per column: how many contexts a value can be learnt in</source>
        <translation>Zellen des Temporal Memory je Spalte: in wie vielen Kontexten ein Wert gelernt werden kann</translation>
    </message>
    <message>
        <location filename="../core/detect/htm.cpp" line="59"/>
        <source>Value resolution: the training range (with 40 % padding) over this many buckets</source>
        <translation>Wertauflösung: der Trainingsbereich (mit 40 % Rand) verteilt auf so viele Klassen</translation>
    </message>
    <message>
        <location filename="../core/detect/htm.cpp" line="66"/>
        <source>Encode the time of day next to the value</source>
        <translation>Die Tageszeit neben dem Wert kodieren</translation>
    </message>
    <message>
        <location filename="../core/detect/htm.cpp" line="73"/>
        <source>A value this share of the seen range beyond it scores 1 (0: off)</source>
        <translation>Ein Wert, der um diesen Anteil des gesehenen Bereichs darüber hinausgeht, wird mit 1 bewertet (0: aus)</translation>
    </message>
    <message>
        <location filename="../core/detect/htm.cpp" line="80"/>
        <source>Temporal memory settings: nab (Numenta&apos;s NAB detector) or tm (NumentaTM)</source>
        <translation>Einstellungen des Temporal Memory: nab (Numentas NAB-Detektor) oder tm (NumentaTM)</translation>
    </message>
    <message>
        <location filename="../core/detect/htm.cpp" line="84"/>
        <source>Most training rows used as probation (likelihood held at 0.5): the first half learns, the second half gives the first fit; trained on every row it scores, at most 15 % of them</source>
        <translation>Höchstzahl der Trainingszeilen als Probezeit (Likelihood bleibt bei 0,5): die erste Hälfte lernt, die zweite liefert die erste Anpassung; auf allen Zeilen trainiert, die er bewertet, höchstens 15 % davon</translation>
    </message>
</context>
<context>
    <name>tideline::ImportanceModel</name>
    <message>
        <location filename="../ui/importancemodel.cpp" line="54"/>
        <source>Feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <location filename="../ui/importancemodel.cpp" line="56"/>
        <source>Importance</source>
        <translation>Wichtigkeit</translation>
    </message>
</context>
<context>
    <name>tideline::InspectorPanel</name>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="121"/>
        <source>What changed</source>
        <translation>Was sich geändert hat</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="122"/>
        <location filename="../ui/inspectorpanel.cpp" line="255"/>
        <location filename="../ui/inspectorpanel.cpp" line="292"/>
        <location filename="../ui/inspectorpanel.cpp" line="473"/>
        <source>Flows</source>
        <translation>Flüsse</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="123"/>
        <source>Features</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="138"/>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="139"/>
        <source>Source networks (/24, /48)</source>
        <translation>Quellnetze (/24, /48)</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="141"/>
        <source>Destinations</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="142"/>
        <source>Destination ports</source>
        <translation>Zielports</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="143"/>
        <source>Protocols</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="144"/>
        <source>Senders (who opened the flows)</source>
        <translation>Sender (wer die Flüsse eröffnete)</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="145"/>
        <source>Receivers (whom the senders reached)</source>
        <translation>Empfänger (wen die Sender erreichten)</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="147"/>
        <source>Services (the ports the senders used)</source>
        <translation>Dienste (die Ports, die die Sender ansprachen)</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="160"/>
        <source>Break down by:</source>
        <translation>Aufschlüsseln nach:</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="174"/>
        <source>Filter by address, port or protocol</source>
        <translation>Nach Adresse, Port oder Protokoll filtern</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="196"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="196"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="250"/>
        <source>Select an anomaly or an interval on the chart to inspect it.</source>
        <translation>Eine Anomalie oder einen Zeitraum im Diagramm auswählen, um ihn zu untersuchen.</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="251"/>
        <location filename="../ui/inspectorpanel.cpp" line="283"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="257"/>
        <source>Nothing selected.</source>
        <translation>Nichts ausgewählt.</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="286"/>
        <source>This needs a packet capture: a table has no per-packet breakdown.</source>
        <translation>Dafür ist ein Paketmitschnitt nötig: eine Tabelle hat keine Aufschlüsselung nach Paketen.</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="360"/>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="376"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="377"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="380"/>
        <source>rows %1 – %2</source>
        <translation>Zeilen %1 – %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/inspectorpanel.cpp" line="381"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="385"/>
        <location filename="../ui/inspectorpanel.cpp" line="389"/>
        <source>%1 packets</source>
        <translation>%1 Pakete</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="386"/>
        <location filename="../ui/inspectorpanel.cpp" line="391"/>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="395"/>
        <source>peak score %1 (threshold %2)</source>
        <translation>höchste Bewertung %1 (Schwellenwert %2)</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="408"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2&lt;br&gt;%3&lt;br&gt;&lt;small&gt;Evidence: %4&lt;/small&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2&lt;br&gt;%3&lt;br&gt;&lt;small&gt;Belege: %4&lt;/small&gt;</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="422"/>
        <source>Baseline: %1 s of traffic between %2 s before and %3 s after the interval, leaving out %4 s of other flagged or marked intervals and %5 s of gaps: %6 packets, against %7 in the interval.</source>
        <translation>Grundlinie: %1 s Verkehr zwischen %2 s vor und %3 s nach dem Zeitraum, ohne %4 s anderer markierter oder gemeldeter Zeiträume und %5 s Lücken: %6 Pakete, gegenüber %7 im Zeitraum.</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="434"/>
        <source>No baseline: the interval covers the whole capture, so the change is the interval&apos;s own rate.</source>
        <translation>Kein Vergleichszeitraum: Der Zeitraum umfasst den ganzen Mitschnitt, daher ist die Änderung die eigene Rate des Zeitraums.</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="451"/>
        <source>Showing the %1 largest of %2 flows.</source>
        <translation>Die %1 größten von %2 Flüssen werden angezeigt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/inspectorpanel.cpp" line="455"/>
        <source>%n flow(s) active in the interval.</source>
        <translation>
            <numerusform>%n Fluss im Zeitraum aktiv.</numerusform>
            <numerusform>%n Flüsse im Zeitraum aktiv.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="461"/>
        <source>No flows in this interval.</source>
        <translation>Keine Flüsse in diesem Zeitraum.</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="473"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/inspectorpanel.cpp" line="302"/>
        <source>Train a detector to see which features pushed the score up.</source>
        <translation>Einen Detektor trainieren, um zu sehen, welche Merkmale die Bewertung nach oben getrieben haben.</translation>
    </message>
</context>
<context>
    <name>tideline::LabelDelegate</name>
    <message>
        <location filename="../ui/labeldelegate.cpp" line="27"/>
        <source>attack</source>
        <translation>Angriff</translation>
    </message>
    <message>
        <location filename="../ui/labeldelegate.cpp" line="27"/>
        <source>false positive</source>
        <translation>Fehlalarm</translation>
    </message>
    <message>
        <location filename="../ui/labeldelegate.cpp" line="27"/>
        <source>benign</source>
        <translation>harmlos</translation>
    </message>
    <message>
        <location filename="../ui/labeldelegate.cpp" line="27"/>
        <source>scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../ui/labeldelegate.cpp" line="27"/>
        <source>flood</source>
        <translation>Flood</translation>
    </message>
</context>
<context>
    <name>tideline::LiveRecording</name>
    <message numerus="yes">
        <location filename="../ui/liverecording.cpp" line="102"/>
        <source>the first %n bin(s) with traffic (the warm-up)</source>
        <translation>
            <numerusform>das erste Intervall mit Verkehr (die Aufwärmphase)</numerusform>
            <numerusform>die ersten %n Intervalle mit Verkehr (die Aufwärmphase)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tideline::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="113"/>
        <source>Tideline</source>
        <translation>Tideline</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="130"/>
        <source>Saving</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="133"/>
        <source>Loading cancelled</source>
        <translation>Laden abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="160"/>
        <source>The model could not be used</source>
        <translation>Das Modell konnte nicht verwendet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="164"/>
        <source>The model could not be saved</source>
        <translation>Das Modell konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="168"/>
        <source>Model saved to %1</source>
        <translation>Modell in %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="180"/>
        <location filename="../ui/mainwindow.cpp" line="689"/>
        <source>The case could not be saved</source>
        <translation>Der Fall konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="240"/>
        <source>Classifier</source>
        <translation>Klassifikator</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="250"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="251"/>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="253"/>
        <source>Open from &amp;Prometheus…</source>
        <translation>Aus &amp;Prometheus öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="254"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="257"/>
        <source>Open &amp;Case…</source>
        <translation>&amp;Fall öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="259"/>
        <source>Open case</source>
        <translation>Fall öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="260"/>
        <location filename="../ui/mainwindow.cpp" line="490"/>
        <location filename="../ui/mainwindow.cpp" line="530"/>
        <source>Cases (*.tideline)</source>
        <translation>Fälle (*.tideline)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="264"/>
        <source>&amp;Save Case…</source>
        <translation>Fall &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="267"/>
        <source>&amp;Locate Source…</source>
        <translation>&amp;Quelle suchen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="278"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="282"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="283"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="286"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="288"/>
        <source>&amp;Reset Zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="290"/>
        <source>&amp;Back</source>
        <translation>Zu&amp;rück</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="292"/>
        <source>&amp;Forward</source>
        <translation>Vor&amp;wärts</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="294"/>
        <source>Pan &amp;Left</source>
        <translation>Nach &amp;links</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="296"/>
        <source>Pan Ri&amp;ght</source>
        <translation>Nach r&amp;echts</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="313"/>
        <source>Train on &amp;Another File…</source>
        <translation>Auf anderer &amp;Datei trainieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="316"/>
        <source>Load T&amp;ruth…</source>
        <translation>Wahr&amp;heit laden…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="317"/>
        <source>Known anomalies to draw under the timeline and match in the table</source>
        <translation>Bekannte Anomalien, die unter der Zeitachse gezeichnet und in der Tabelle zugeordnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="329"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="330"/>
        <source>&amp;About Tideline</source>
        <translation>&amp;Über Tideline</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="332"/>
        <source>Timeline</source>
        <translation>Zeitachse</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="336"/>
        <source>Series: </source>
        <translation>Reihe: </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="364"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="365"/>
        <source>Stop the work in progress (Esc)</source>
        <translation>Die laufende Arbeit anhalten (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="430"/>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="466"/>
        <location filename="../ui/mainwindow.cpp" line="474"/>
        <location filename="../ui/mainwindow.cpp" line="480"/>
        <source>Unsaved work</source>
        <translation>Ungespeicherte Arbeit</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="475"/>
        <source>The detector runs and what you marked, labelled and noted cannot be kept as a case: its source is a Prometheus server, not a file. Discard them?</source>
        <translation>Die Detektorläufe und was Sie markiert, gekennzeichnet und notiert haben, können nicht als Fall behalten werden: Die Quelle ist ein Prometheus-Server, keine Datei. Verwerfen?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="481"/>
        <source>The detector runs and what you marked, labelled and noted are not in a case yet. Save them as a case?</source>
        <translation>Die Detektorläufe und was Sie markiert, gekennzeichnet und notiert haben, sind noch in keinem Fall. Als Fall speichern?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="489"/>
        <location filename="../ui/mainwindow.cpp" line="530"/>
        <source>Save case</source>
        <translation>Fall speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="499"/>
        <location filename="../ui/mainwindow.cpp" line="510"/>
        <location filename="../ui/mainwindow.cpp" line="518"/>
        <location filename="../ui/mainwindow.cpp" line="567"/>
        <source>The case was not saved</source>
        <translation>Der Fall wurde nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="519"/>
        <source>A case needs a source file it can check again later, and a Prometheus server is none: write the series to CSV (tideline series URL --query … -o metrics.csv) and open that to keep a case.</source>
        <translation>Ein Fall braucht eine Quelldatei, die er später erneut prüfen kann, und ein Prometheus-Server ist keine: die Reihe als CSV schreiben (tideline series URL --query … -o metrics.csv) und diese öffnen, um einen Fall zu behalten.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="553"/>
        <source>Saving %1…</source>
        <translation>Speichere %1…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="584"/>
        <source>Opening %1…</source>
        <translation>Öffne %1…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="600"/>
        <location filename="../ui/mainwindow.cpp" line="709"/>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="626"/>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="629"/>
        <source>The case cannot be written</source>
        <translation>Der Fall kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="636"/>
        <location filename="../ui/mainwindow.cpp" line="724"/>
        <source>%1 — Tideline</source>
        <translation>%1 — Tideline</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="654"/>
        <source>The case&apos;s source is not at %1</source>
        <translation>Die Quelle des Falls liegt nicht unter %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="655"/>
        <source>Everything saved in the case is shown. To re-bin finer than it was saved or to read the source again, tell Tideline where it is now: File ▸ Locate Source…</source>
        <translation>Alles im Fall Gespeicherte wird angezeigt. Um feiner einzuteilen als gespeichert oder die Quelle erneut zu lesen, Tideline mitteilen, wo sie jetzt liegt: Datei ▸ Quelle suchen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="664"/>
        <source>Locate %1</source>
        <translation>%1 suchen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="683"/>
        <source>That is not the case&apos;s source</source>
        <translation>Das ist nicht die Quelle des Falls</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="729"/>
        <source>%1 loaded with %n warning(s)</source>
        <translation>
            <numerusform>%1 mit %n Warnung geladen</numerusform>
            <numerusform>%1 mit %n Warnungen geladen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="780"/>
        <source>%L1 packets · %L2 bytes · %3 bins of %4 · %L5 flows</source>
        <translation>%L1 Pakete · %L2 Bytes · %3 Intervalle zu %4 · %L5 Flüsse</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="787"/>
        <source>%L1 steps of %2 · %3 series · %L4 requests in %5 s</source>
        <translation>%L1 Schritte zu %2 · %3 Reihen · %L4 Anfragen in %5 s</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="794"/>
        <source>%L1 rows</source>
        <translation>%L1 Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="820"/>
        <source>%1 has no time column, but the truth has times</source>
        <translation>%1 hat keine Zeitspalte, die Wahrheit aber Zeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="821"/>
        <source>the truth numbers rows, but %1 has times</source>
        <translation>die Wahrheit nummeriert Zeilen, %1 aber hat Zeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="827"/>
        <source>No truth from %1</source>
        <translation>Keine Wahrheit aus %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="850"/>
        <source>the file&apos;s label column</source>
        <translation>der Kennzeichnungsspalte der Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="862"/>
        <source>Load truth</source>
        <translation>Wahrheit laden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="863"/>
        <source>Truth (*.csv *.txt *.json);;All files (*)</source>
        <translation>Wahrheit (*.csv *.txt *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="969"/>
        <source>Train on another file</source>
        <translation>Auf anderer Datei trainieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="1059"/>
        <source>Threshold %1 = %2, hold %3 · %n anomalous interval(s)</source>
        <translation>
            <numerusform>Schwellenwert %1 = %2, halten über %3 · %n anomaler Zeitraum</numerusform>
            <numerusform>Schwellenwert %1 = %2, halten über %3 · %n anomale Zeiträume</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1169"/>
        <source>Open capture or table</source>
        <translation>Mitschnitt oder Tabelle öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1207"/>
        <source>About Tideline</source>
        <translation>Über Tideline</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="128"/>
        <source>Loading</source>
        <translation>Laden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="64"/>
        <source>Captures, tables and cases (*.pcap *.pcapng *.cap *.dmp *.csv *.txt *.tsv *.json *.jsonl *.log nfcapd.* *.tideline);;Cases (*.tideline);;Captures (*.pcap *.pcapng *.cap *.dmp);;Tables (*.csv *.txt *.tsv *.json *.jsonl);;Zeek and Suricata logs (*.log *.json);;NetFlow / IPFIX (nfcapd.*);;All files (*)</source>
        <translation>Mitschnitte, Tabellen und Fälle (*.pcap *.pcapng *.cap *.dmp *.csv *.txt *.tsv *.json *.jsonl *.log nfcapd.* *.tideline);;Fälle (*.tideline);;Mitschnitte (*.pcap *.pcapng *.cap *.dmp);;Tabellen (*.csv *.txt *.tsv *.json *.jsonl);;Zeek- und Suricata-Logs (*.log *.json);;NetFlow / IPFIX (nfcapd.*);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="129"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="152"/>
        <source>Training finished</source>
        <translation>Training abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="156"/>
        <source>Training failed</source>
        <translation>Training fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="200"/>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="227"/>
        <source>Anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="233"/>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="275"/>
        <source>&amp;Export Marked Anomalies…</source>
        <translation>Markierte Anomalien &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="299"/>
        <source>&amp;Logarithmic Scale</source>
        <translation>Logari&amp;thmische Skala</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="310"/>
        <source>&amp;Detect</source>
        <translation>&amp;Erkennung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="311"/>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="314"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="319"/>
        <source>&amp;Next Anomaly</source>
        <translation>&amp;Nächste Anomalie</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="321"/>
        <source>&amp;Previous Anomaly</source>
        <translation>&amp;Vorherige Anomalie</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="324"/>
        <source>&amp;Mark Selected Range</source>
        <translation>Ausgewählten Bereich &amp;markieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="326"/>
        <source>Ctrl+drag on a chart to select a range</source>
        <translation>Strg+Ziehen in einem Diagramm wählt einen Bereich aus</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="339"/>
        <source>The features drawn on the timeline</source>
        <translation>Die auf der Zeitachse gezeichneten Merkmale</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="341"/>
        <source> Bin: </source>
        <translation> Intervall: </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="342"/>
        <source>Bin width; widths that are multiples of the kept resolution re-bin without reading the file again</source>
        <translation>Intervallbreite; Breiten, die ein Vielfaches der vorgehaltenen Auflösung sind, werden neu eingeteilt, ohne die Datei erneut zu lesen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="387"/>
        <source>%1 %p% · %L2 · %L3/s</source>
        <translation>%1 %p% · %L2 · %L3/s</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="764"/>
        <source>packets by protocol (stacked)</source>
        <translation>Pakete nach Protokoll (gestapelt)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="765"/>
        <source>packets by protocol (overlaid)</source>
        <translation>Pakete nach Protokoll (überlagert)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="766"/>
        <source>bytes by protocol (stacked)</source>
        <translation>Bytes nach Protokoll (gestapelt)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="767"/>
        <source>bytes by protocol (overlaid)</source>
        <translation>Bytes nach Protokoll (überlagert)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="874"/>
        <source>as in the file</source>
        <translation>wie in der Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="919"/>
        <source>Re-binned; train again to score the new bins</source>
        <translation>Neu eingeteilt; erneut trainieren, um die neuen Intervalle zu bewerten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1141"/>
        <source>Nothing to export: tick the anomalies to export in the Anomalies table first</source>
        <translation>Nichts zu exportieren: zuerst die zu exportierenden Anomalien in der Tabelle Anomalien anhaken</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1149"/>
        <source>Export marked anomalies</source>
        <translation>Markierte Anomalien exportieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1150"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1155"/>
        <source>Export failed</source>
        <translation>Exportieren fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="1160"/>
        <source>Exported %n anomaly(s) to %1</source>
        <translation>
            <numerusform>%n Anomalie nach %1 exportiert</numerusform>
            <numerusform>%n Anomalien nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1208"/>
        <source>&lt;h3&gt;Tideline %1&lt;/h3&gt;&lt;p&gt;A workbench for finding and investigating anomalies in network traffic.&lt;/p&gt;&lt;p&gt;Copyright © 2026 the Tideline developers. Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (Widgets, Charts), Eigen %3.%4.%5, %6 and Abseil&apos;s hash maps.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tideline %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank zum Finden und Untersuchen von Anomalien im Netzwerkverkehr.&lt;/p&gt;&lt;p&gt;Copyright © 2026 die Tideline-Entwickler. Lizenziert unter der GNU General Public License, Version 3 oder später.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2 (Widgets, Charts), Eigen %3.%4.%5, %6 und den Hash-Tabellen von Abseil.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="467"/>
        <source>The capture&apos;s bins and anomalies, and what you marked, labelled and noted, cannot be kept as a case: a case needs the packets. Open the captured packets (Capture ▸ Open Captured Packets) to keep one. Discard them?</source>
        <translation>Die Intervalle und Anomalien des Mitschnitts und was Sie markiert, beschriftet und notiert haben, können nicht als Fall aufbewahrt werden: Ein Fall braucht die Pakete. Öffnen Sie die mitgeschnittenen Pakete (Mitschnitt ▸ Mitgeschnittene Pakete öffnen), um einen anzulegen. Verwerfen?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="511"/>
        <source>A case needs a source file it can check again later, and a live capture&apos;s bins are none: open the captured packets (Capture ▸ Open Captured Packets) and keep a case of those.</source>
        <translation>Ein Fall braucht eine Quelldatei, die er später erneut prüfen kann, und die Intervalle eines laufenden Mitschnitts sind keine: Öffnen Sie die mitgeschnittenen Pakete (Mitschnitt ▸ Mitgeschnittene Pakete öffnen) und legen Sie davon einen Fall an.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="51"/>
        <source>&amp;Capture</source>
        <translation>&amp;Mitschnitt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="53"/>
        <source>&amp;Start…</source>
        <translation>&amp;Starten…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="55"/>
        <source>Capture on an interface and detect as it happens</source>
        <translation>Auf einer Schnittstelle mitschneiden und erkennen, während es geschieht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="56"/>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="59"/>
        <source>&amp;Follow</source>
        <translation>&amp;Folgen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="62"/>
        <source>Keep the newest %1 in view; moving the view away unpins it</source>
        <translation>Die neuesten %1 im Blick behalten; wird die Ansicht verschoben, löst sie sich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="67"/>
        <source>&amp;Train on Selection as Normal</source>
        <translation>Auf der Auswahl als normal &amp;trainieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="70"/>
        <source>Fit the detector on the bins selected on the chart (Ctrl+drag) and score every new bin with it</source>
        <translation>Den Detektor auf den im Diagramm ausgewählten Intervallen (Strg+Ziehen) anpassen und jedes neue Intervall damit bewerten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="75"/>
        <source>&amp;Open Captured Packets</source>
        <translation>Mitgeschnittene Pakete &amp;öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="76"/>
        <source>Open the last capture&apos;s packets (the ring&apos;s newest file) with the whole workbench</source>
        <translation>Die Pakete des letzten Mitschnitts (die neueste Datei des Rings) mit der ganzen Werkbank öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="80"/>
        <source>Capture</source>
        <translation>Mitschnitt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="116"/>
        <source>Cannot start the capture</source>
        <translation>Der Mitschnitt kann nicht gestartet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="144"/>
        <source>Capturing on %1 — Tideline</source>
        <translation>Mitschnitt auf %1 — Tideline</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="196"/>
        <source>%L1 packets dropped here (kernel %L2, interface %L3): these bins count less than was sent</source>
        <translation>Hier %L1 Pakete verworfen (Kernel %L2, Schnittstelle %L3): Diese Intervalle zählen weniger, als gesendet wurde</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowcapture.cpp" line="210"/>
        <source>%1: %L2 bins · %n anomaly(s)</source>
        <translation>
            <numerusform>%1: %L2 Intervalle · %n Anomalie</numerusform>
            <numerusform>%1: %L2 Intervalle · %n Anomalien</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="214"/>
        <source> · dropped %L1 (kernel %L2, interface %L3)</source>
        <translation> · verworfen %L1 (Kernel %L2, Schnittstelle %L3)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="219"/>
        <source> · warming up</source>
        <translation> · Aufwärmphase</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="223"/>
        <source>Capturing</source>
        <translation>Mitschnitt läuft</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="223"/>
        <source>Capture stopped</source>
        <translation>Mitschnitt gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="238"/>
        <source>%1 (captured) — Tideline</source>
        <translation>%1 (mitgeschnitten) — Tideline</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="247"/>
        <source>The capture on %1 stopped</source>
        <translation>Der Mitschnitt auf %1 wurde beendet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="251"/>
        <source>The detector could not be fitted on the warm-up</source>
        <translation>Der Detektor konnte auf der Aufwärmphase nicht angepasst werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="256"/>
        <source>The bins and anomalies stay here. Capture ▸ Open Captured Packets opens %1 with the whole workbench: flows, the inspector, other detectors and a case.</source>
        <translation>Die Intervalle und Anomalien bleiben hier. Mitschnitt ▸ Mitgeschnittene Pakete öffnen öffnet %1 mit der ganzen Werkbank: Flüsse, der Inspektor, andere Detektoren und ein Fall.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="261"/>
        <source>The packets were not kept (no ring of files was chosen): the bins and anomalies stay here, but flows and re-binning need the packets.</source>
        <translation>Die Pakete wurden nicht aufbewahrt (kein Ring von Dateien gewählt): Die Intervalle und Anomalien bleiben hier, aber Flüsse und neue Intervallbreiten brauchen die Pakete.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowcapture.cpp" line="264"/>
        <source>Fewer than %n bin(s) with traffic came: the detector never finished its warm-up.</source>
        <translation>
            <numerusform>Kein Intervall mit Verkehr kam: Der Detektor hat seine Aufwärmphase nie beendet.</numerusform>
            <numerusform>Weniger als %n Intervalle mit Verkehr kamen: Der Detektor hat seine Aufwärmphase nie beendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowcapture.cpp" line="268"/>
        <source>Capture stopped: %L1 packets, %L2 bins, %n anomaly(s)</source>
        <translation>
            <numerusform>Mitschnitt gestoppt: %L1 Pakete, %L2 Intervalle, %n Anomalie</numerusform>
            <numerusform>Mitschnitt gestoppt: %L1 Pakete, %L2 Intervalle, %n Anomalien</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="283"/>
        <source>Select the normal stretch first</source>
        <translation>Zuerst den normalen Abschnitt auswählen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="284"/>
        <source>Ctrl+drag across the bins to take as normal, then train on them.</source>
        <translation>Mit Strg+Ziehen die Intervalle markieren, die als normal gelten, und dann darauf trainieren.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="305"/>
        <source>The detector could not be fitted on the selection</source>
        <translation>Der Detektor konnte nicht auf der Auswahl angepasst werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="311"/>
        <source>Trained on the selection as normal</source>
        <translation>Auf der Auswahl als normal trainiert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcapture.cpp" line="312"/>
        <source>%1 now scores every new bin with the model of %2.</source>
        <translation>%1 bewertet jetzt jedes neue Intervall mit dem Modell von %2.</translation>
    </message>
</context>
<context>
    <name>tideline::MatrixResponse</name>
    <message>
        <location filename="../core/remote/matrixresponse.cpp" line="90"/>
        <source>the answer&apos;s resultType is &quot;%1&quot;, not &quot;matrix&quot;</source>
        <translation>der resultType der Antwort ist &quot;%1&quot;, nicht &quot;matrix&quot;</translation>
    </message>
    <message>
        <location filename="../core/remote/matrixresponse.cpp" line="115"/>
        <source>%1 series hold native histograms, which are not read: query a quantile or a count of them instead</source>
        <translation>%1 Reihen enthalten native Histogramme, die nicht gelesen werden: stattdessen ein Quantil oder eine Anzahl davon abfragen</translation>
    </message>
</context>
<context>
    <name>tideline::MessageBanner</name>
    <message>
        <location filename="../ui/messagebanner.cpp" line="26"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/messagebanner.cpp" line="43"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tideline::ModelFile</name>
    <message>
        <location filename="../core/threshold/modelfile.cpp" line="111"/>
        <source>%1: only a trained supervised model (random_forest, knn_classifier) can be saved</source>
        <translation>%1: nur ein trainiertes überwachtes Modell (random_forest, knn_classifier) kann gespeichert werden</translation>
    </message>
    <message>
        <location filename="../core/threshold/modelfile.cpp" line="126"/>
        <location filename="../core/threshold/modelfile.cpp" line="135"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../core/threshold/modelfile.cpp" line="142"/>
        <source>%1 bytes is larger than any model file (at most %2)</source>
        <translation>%1 Bytes sind größer als jede Modelldatei (höchstens %2)</translation>
    </message>
    <message>
        <location filename="../core/threshold/modelfile.cpp" line="147"/>
        <source>not a Tideline model file (saved with detect --save-model)</source>
        <translation>keine Tideline-Modelldatei (gespeichert mit detect --save-model)</translation>
    </message>
    <message>
        <location filename="../core/threshold/modelfile.cpp" line="149"/>
        <source>the file ends inside its header (%1 bytes)</source>
        <translation>die Datei endet innerhalb ihres Headers (%1 Bytes)</translation>
    </message>
    <message>
        <location filename="../core/threshold/modelfile.cpp" line="154"/>
        <source>a model file of version %1; this Tideline reads version %2 (save the model again with this version)</source>
        <translation>eine Modelldatei der Version %1; dieses Tideline liest Version %2 (das Modell mit dieser Version erneut speichern)</translation>
    </message>
    <message>
        <location filename="../core/threshold/modelfile.cpp" line="164"/>
        <source>damaged: the header promises %1 bytes of model, the file holds %2</source>
        <translation>beschädigt: der Header verspricht %1 Bytes Modell, die Datei enthält %2</translation>
    </message>
    <message>
        <location filename="../core/threshold/modelfile.cpp" line="168"/>
        <source>damaged: its checksum does not match its contents</source>
        <translation>beschädigt: ihre Prüfsumme passt nicht zu ihrem Inhalt</translation>
    </message>
    <message>
        <location filename="../core/threshold/modelfile.cpp" line="172"/>
        <source>damaged: %1</source>
        <translation>beschädigt: %1</translation>
    </message>
    <message>
        <location filename="../core/threshold/modelfile.cpp" line="194"/>
        <source>the model was trained on columns this file does not have: %1</source>
        <translation>das Modell wurde auf Spalten trainiert, die diese Datei nicht hat: %1</translation>
    </message>
</context>
<context>
    <name>tideline::ModelFileActions</name>
    <message>
        <location filename="../ui/modelfileactions.cpp" line="21"/>
        <source>Tideline models (*.tlm)</source>
        <translation>Tideline-Modelle (*.tlm)</translation>
    </message>
    <message>
        <location filename="../ui/modelfileactions.cpp" line="38"/>
        <source>Save &amp;Model…</source>
        <translation>&amp;Modell speichern…</translation>
    </message>
    <message>
        <location filename="../ui/modelfileactions.cpp" line="39"/>
        <source>Open Mo&amp;del…</source>
        <translation>Mo&amp;dell öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/modelfileactions.cpp" line="41"/>
        <source>Keep the trained supervised model in a file (detect --save-model)</source>
        <translation>Das trainierte überwachte Modell in einer Datei aufbewahren (detect --save-model)</translation>
    </message>
    <message>
        <location filename="../ui/modelfileactions.cpp" line="42"/>
        <source>Score the shown file with a model kept in a file (detect --model)</source>
        <translation>Die angezeigte Datei mit einem in einer Datei aufbewahrten Modell bewerten (detect --model)</translation>
    </message>
    <message>
        <location filename="../ui/modelfileactions.cpp" line="83"/>
        <source>Save model</source>
        <translation>Modell speichern</translation>
    </message>
    <message>
        <location filename="../ui/modelfileactions.cpp" line="95"/>
        <source>Open model</source>
        <translation>Modell öffnen</translation>
    </message>
</context>
<context>
    <name>tideline::Phrase</name>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="340"/>
        <source>No packets for %1 s: a gap in the capture</source>
        <translation>Keine Pakete für %1 s: eine Lücke im Mitschnitt</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="343"/>
        <source>no packet between the interval&apos;s ends</source>
        <translation>kein Paket zwischen Anfang und Ende des Zeitraums</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="366"/>
        <source>baseline: %1 s around the interval, leaving out %2 s flagged or marked and %3 s of gaps</source>
        <translation>Grundlinie: %1 s um den Zeitraum, ohne %2 s gemeldeter oder markierter Zeit und %3 s Lücken</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="372"/>
        <source>no baseline: nothing clean around the interval to compare with</source>
        <translation>keine Grundlinie: um den Zeitraum gibt es nichts Unauffälliges zum Vergleichen</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="406"/>
        <source>the interval holds %1 packets: the shape rules looked at the %2 s around it (%3 packets)</source>
        <translation>der Zeitraum enthält %1 Pakete: die Formregeln betrachteten die %2 s um ihn herum (%3 Pakete)</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="442"/>
        <source>%1 port scan %2 → %3: %4 ports in %5 s, %6 % answered RST</source>
        <translation>%1-Portscan %2 → %3: %4 Ports in %5 s, %6 % mit RST beantwortet</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="447"/>
        <source>%1 port scan %2 → %3: %4 ports in %5 s, %6 % answered</source>
        <translation>%1-Portscan %2 → %3: %4 Ports in %5 s, %6 % beantwortet</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="453"/>
        <source>%1 port scan %2 → %3 hosts: %4 ports in %5 s, %6 % answered</source>
        <translation>%1-Portscan %2 → %3 Hosts: %4 Ports in %5 s, %6 % beantwortet</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="459"/>
        <source>%1 had %2 flows to %3 ports on %4 host(s); %5 % carried at most 3 packets from it; %6 % were answered, %7 % with RST</source>
        <translation>%1 hatte %2 Flüsse zu %3 Ports auf %4 Host(s); %5 % trugen höchstens 3 Pakete von ihm; %6 % wurden beantwortet, %7 % mit RST</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="483"/>
        <source>%1 host sweep %2 → %3: %4 hosts in %5 s, %6 % answered</source>
        <translation>%1-Host-Sweep %2 → %3: %4 Hosts in %5 s, %6 % beantwortet</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="489"/>
        <source>%1 had %2 flows to %3 hosts on %4 port(s); %5 % carried at most 3 packets from it; %6 hosts in %7; %8 % were answered</source>
        <translation>%1 hatte %2 Flüsse zu %3 Hosts auf %4 Port(s); %5 % trugen höchstens 3 Pakete von ihm; %6 Hosts in %7; %8 % wurden beantwortet</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="567"/>
        <source>SYN flood %1 → %2 (%3): %4 SYNs in %5 s (%6 per second)</source>
        <translation>SYN-Flut %1 → %2 (%3): %4 SYNs in %5 s (%6 pro Sekunde)</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="572"/>
        <source>SYN flood → %1 (%2) from %3 sources: %4 SYNs in %5 s (%6 per second)</source>
        <translation>SYN-Flut → %1 (%2) von %3 Quellen: %4 SYNs in %5 s (%6 pro Sekunde)</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="580"/>
        <source>%1 % of TCP packets were SYN without ACK, %2 per second against %3 in the baseline; %4 % of them went to %5</source>
        <translation>%1 % der TCP-Pakete waren SYN ohne ACK, %2 pro Sekunde gegenüber %3 in der Grundlinie; %4 % davon gingen an %5</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="624"/>
        <source>%1 amplification → %2 from %3 reflectors (%4): %5 packets, %6 MB in %7 s</source>
        <translation>%1-Verstärkungsangriff → %2 von %3 Reflektoren (%4): %5 Pakete, %6 MB in %7 s</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="631"/>
        <source>%1 % of UDP packets came unanswered from reflection ports (%2) of %3 sources; %4 % of them went to %5</source>
        <translation>%1 % der UDP-Pakete kamen unbeantwortet von Reflexionsports (%2) von %3 Quellen; %4 % davon gingen an %5</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="656"/>
        <source>UDP flood %1 → %2 (%3): %4 packets in %5 s (%6 per second)</source>
        <translation>UDP-Flut %1 → %2 (%3): %4 Pakete in %5 s (%6 pro Sekunde)</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="663"/>
        <source>UDP flood → %1 (%2) from %3 sources: %4 packets in %5 s (%6 per second)</source>
        <translation>UDP-Flut → %1 (%2) von %3 Quellen: %4 Pakete in %5 s (%6 pro Sekunde)</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="669"/>
        <source>%1 % of packets were UDP, %2 per second against %3 in the baseline; %4 % of them went to %5</source>
        <translation>%1 % der Pakete waren UDP, %2 pro Sekunde gegenüber %3 in der Grundlinie; %4 % davon gingen an %5</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="724"/>
        <source>Large upload: %1 → %2 (%3) sent %4 kB more than it received over %5 s; the most in the baseline %6 kB</source>
        <translation>Großer Upload: %1 → %2 (%3) sandte in %5 s %4 kB mehr, als es empfing; höchstens %6 kB im Vergleichszeitraum</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="731"/>
        <source>the connection ran from %1 to %2: %3 packets, %4 of them from %5</source>
        <translation>die Verbindung lief von %1 bis %2: %3 Pakete, %4 davon von %5</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="812"/>
        <source>New talker %1: %2 → %3 (%4), first seen %5; %6 kB in %7 s</source>
        <translation>Neuer Teilnehmer %1: %2 → %3 (%4), zuerst gesehen %5; %6 kB in %7 s</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="817"/>
        <source>%1 was first seen %2 s into the capture; its flows span %3 % of the interval and carry %4 % of its bytes</source>
        <translation>%1 wurde zuerst %2 s nach Beginn des Mitschnitts gesehen; seine Flüsse erstrecken sich über %3 % des Zeitraums und tragen %4 % seiner Bytes</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="835"/>
        <source>%1 packets/s and %2 bytes/s against %3 and %4 in the baseline</source>
        <translation>%1 Pakete/s und %2 Bytes/s gegenüber %3 und %4 in der Grundlinie</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="843"/>
        <source>Traffic spike: %1 packets/s against %2 in the baseline (%3×), most change from %4</source>
        <translation>Verkehrsspitze: %1 Pakete/s gegenüber %2 in der Grundlinie (%3×), die größte Änderung von %4</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="849"/>
        <source>Traffic spike: %1 bytes/s against %2 in the baseline (%3×), most change from %4</source>
        <translation>Verkehrsspitze: %1 Bytes/s gegenüber %2 in der Grundlinie (%3×), die größte Änderung von %4</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="859"/>
        <source>Traffic drop: %1 packets/s against %2 in the baseline</source>
        <translation>Verkehrseinbruch: %1 Pakete/s gegenüber %2 in der Grundlinie</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="865"/>
        <source>No rule matched: %1 packets/s against %2 in the baseline, most change from %3</source>
        <translation>Keine Regel trifft zu: %1 Pakete/s gegenüber %2 in der Grundlinie, die größte Änderung von %3</translation>
    </message>
    <message>
        <location filename="../core/investigation/intervaldescriber.cpp" line="871"/>
        <source>No rule matched: %1 packets in %2 s, no baseline to compare with</source>
        <translation>Keine Regel trifft zu: %1 Pakete in %2 s, keine Grundlinie zum Vergleichen</translation>
    </message>
</context>
<context>
    <name>tideline::PrometheusClient</name>
    <message>
        <location filename="../core/remote/prometheusclient.cpp" line="233"/>
        <source>%1: query %2 from %3 to %4: %5</source>
        <translation>%1: Abfrage %2 von %3 bis %4: %5</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheusclient.cpp" line="273"/>
        <source>%1: no query matched any series from %2 to %3</source>
        <translation>%1: keine Abfrage lieferte zwischen %2 und %3 eine Reihe</translation>
    </message>
</context>
<context>
    <name>tideline::PrometheusDialog</name>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="73"/>
        <source>Skip certificate &amp;verification (insecure)</source>
        <translation>&amp;Zertifikatsprüfung überspringen (unsicher)</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="75"/>
        <source>Offer &amp;Metric Names</source>
        <translation>Metrik&amp;namen anbieten</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="83"/>
        <source>Open from Prometheus</source>
        <translation>Aus Prometheus öffnen</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="95"/>
        <source>prometheus+http:// or prometheus+https://, the host and port, and the path prefix of the API: /prometheus for Mimir, /select/0/prometheus for a VictoriaMetrics cluster</source>
        <translation>prometheus+http:// oder prometheus+https://, Host und Port sowie das Pfadpräfix der API: /prometheus für Mimir, /select/0/prometheus für einen VictoriaMetrics-Cluster</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="99"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="100"/>
        <source>Basic (user and password)</source>
        <translation>Basic (Benutzer und Passwort)</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="101"/>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="105"/>
        <source>Never saved. Left empty: TIDELINE_PROMETHEUS_PASSWORD or TIDELINE_PROMETHEUS_TOKEN from the environment</source>
        <translation>Wird nie gespeichert. Leer gelassen: TIDELINE_PROMETHEUS_PASSWORD oder TIDELINE_PROMETHEUS_TOKEN aus der Umgebung</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="108"/>
        <source>sent as X-Scope-OrgID (Cortex, Mimir)</source>
        <translation>gesendet als X-Scope-OrgID (Cortex, Mimir)</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="110"/>
        <source>https: PEM certificates of a private CA (optional)</source>
        <translation>https: PEM-Zertifikate einer privaten CA (optional)</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="112"/>
        <source>https: accept any certificate, for a test server with a self-signed one. Anyone on the way could read the data and the credentials.</source>
        <translation>https: jedes Zertifikat akzeptieren, für einen Testserver mit einem selbstsignierten. Jeder auf dem Weg könnte die Daten und die Zugangsdaten mitlesen.</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="115"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="118"/>
        <source>CA Certificates</source>
        <translation>CA-Zertifikate</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="119"/>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="127"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="129"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="130"/>
        <source>&amp;Authentication:</source>
        <translation>&amp;Authentifizierung:</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="131"/>
        <source>U&amp;ser:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="132"/>
        <source>&amp;Password or token:</source>
        <translation>&amp;Passwort oder Token:</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="133"/>
        <source>&amp;Tenant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="134"/>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="137"/>
        <source>Queries (each one a feature)</source>
        <translation>Abfragen (jede ein Merkmal)</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="139"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="140"/>
        <source>PromQL</source>
        <translation>PromQL</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="143"/>
        <source>Add &amp;Query</source>
        <translation>Abfrage &amp;hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="159"/>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="165"/>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="166"/>
        <source>T&amp;o:</source>
        <translation>B&amp;is:</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="167"/>
        <source>S&amp;tep:</source>
        <translation>&amp;Schrittweite:</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/prometheusdialog.cpp" line="196"/>
        <source>%n metric name(s) offered in the PromQL fields</source>
        <translation>
            <numerusform>%n Metrikname in den PromQL-Feldern angeboten</numerusform>
            <numerusform>%n Metriknamen in den PromQL-Feldern angeboten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="212"/>
        <source>cpu</source>
        <translation>cpu</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="215"/>
        <source>rate(container_cpu_usage_seconds_total[1m])</source>
        <translation>rate(container_cpu_usage_seconds_total[1m])</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="257"/>
        <source>The step &apos;%1&apos; is not a duration like 15s, 1m or 1h</source>
        <translation>Die Schrittweite &apos;%1&apos; ist keine Dauer wie 15s, 1m oder 1h</translation>
    </message>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="292"/>
        <source>Asking %1 for its metric names…</source>
        <translation>Frage %1 nach seinen Metriknamen…</translation>
    </message>
</context>
<context>
    <name>tideline::PrometheusSeries</name>
    <message>
        <location filename="../core/remote/prometheusseries.cpp" line="90"/>
        <source>query %1 matched no series in the range</source>
        <translation>Abfrage %1 lieferte keine Reihe im Bereich</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheusseries.cpp" line="109"/>
        <source>%1 samples lay outside the range asked for and were left out</source>
        <translation>%1 Messwerte lagen außerhalb des angefragten Bereichs und wurden ausgelassen</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheusseries.cpp" line="143"/>
        <source>%1: %2 of %3 steps have no value (missing, NaN or ±Inf): left as gaps</source>
        <translation>%1: %2 von %3 Schritten haben keinen Wert (fehlend, NaN oder ±Inf): als Lücken belassen</translation>
    </message>
</context>
<context>
    <name>tideline::PrometheusSource</name>
    <message>
        <location filename="../core/remote/prometheussource.cpp" line="39"/>
        <source>%1: not a prometheus+http:// or prometheus+https:// URL</source>
        <translation>%1: keine prometheus+http://- oder prometheus+https://-URL</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheussource.cpp" line="42"/>
        <source>%1: not a valid URL (%2)</source>
        <translation>%1: keine gültige URL (%2)</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheussource.cpp" line="44"/>
        <source>%1: the URL names no host</source>
        <translation>%1: die URL nennt keinen Host</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheussource.cpp" line="46"/>
        <source>%1: a password does not belong in the URL, where every process list shows it: set TIDELINE_PROMETHEUS_PASSWORD (or TIDELINE_PROMETHEUS_TOKEN)</source>
        <translation>%1: ein Passwort gehört nicht in die URL, wo jede Prozessliste es anzeigt: TIDELINE_PROMETHEUS_PASSWORD (oder TIDELINE_PROMETHEUS_TOKEN) setzen</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheussource.cpp" line="50"/>
        <source>%1: the URL takes a path prefix only, no ?query or #fragment</source>
        <translation>%1: die URL nimmt nur ein Pfadpräfix an, kein ?query oder #fragment</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheussource.cpp" line="76"/>
        <source>&apos;%1&apos; is not NAME=PROMQL (a feature name, &apos;=&apos;, then the query)</source>
        <translation>&apos;%1&apos; ist nicht NAME=PROMQL (ein Merkmalsname, &apos;=&apos;, dann die Abfrage)</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheussource.cpp" line="81"/>
        <source>&apos;%1&apos;: the query after &apos;=&apos; is empty</source>
        <translation>&apos;%1&apos;: die Abfrage nach &apos;=&apos; ist leer</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheussource.cpp" line="136"/>
        <source>a Prometheus source needs at least one query (NAME=PROMQL)</source>
        <translation>eine Prometheus-Quelle braucht mindestens eine Abfrage (NAME=PROMQL)</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheussource.cpp" line="140"/>
        <source>two queries are named &apos;%1&apos;: each query&apos;s name must be its own</source>
        <translation>zwei Abfragen heißen &apos;%1&apos;: jede Abfrage braucht einen eigenen Namen</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheussource.cpp" line="145"/>
        <source>the step must be at least 1 ms</source>
        <translation>die Schrittweite muss mindestens 1 ms betragen</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheussource.cpp" line="147"/>
        <source>the range ends (%1) before it starts (%2)</source>
        <translation>der Bereich endet (%1), bevor er beginnt (%2)</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheussource.cpp" line="150"/>
        <source>at least one point per request is needed</source>
        <translation>mindestens ein Punkt pro Anfrage ist nötig</translation>
    </message>
    <message>
        <location filename="../core/remote/prometheussource.cpp" line="152"/>
        <source>%1 steps of %2 from %3 to %4 are more than the %5 rows a series may have: choose a longer step or a shorter range</source>
        <translation>%1 Schritte zu %2 von %3 bis %4 sind mehr als die %5 Zeilen, die eine Reihe haben darf: eine größere Schrittweite oder einen kürzeren Bereich wählen</translation>
    </message>
</context>
<context>
    <name>tideline::Ring</name>
    <message>
        <location filename="../core/live/packetsource.cpp" line="52"/>
        <source>--ring: cannot create the folder %1</source>
        <translation>--ring: der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../core/live/packetsource.cpp" line="72"/>
        <location filename="../core/live/packetsource.cpp" line="90"/>
        <source>--ring: %1: %2</source>
        <translation>--ring: %1: %2</translation>
    </message>
</context>
<context>
    <name>tideline::TimelineChart</name>
    <message>
        <location filename="../ui/timelinechart.cpp" line="292"/>
        <source>stacked, bottom up: %1</source>
        <translation>gestapelt, von unten: %1</translation>
    </message>
    <message>
        <location filename="../ui/timelinechart.cpp" line="433"/>
        <source>rarity</source>
        <translation>Seltenheit</translation>
    </message>
    <message>
        <location filename="../ui/timelinechart.cpp" line="607"/>
        <source>truth</source>
        <translation>Wahrheit</translation>
    </message>
    <message>
        <location filename="../ui/timelinechart.cpp" line="1145"/>
        <source>row %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <location filename="../ui/timelinechart.cpp" line="1181"/>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <location filename="../ui/timelinechart.cpp" line="1188"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/timelinechart.cpp" line="1191"/>
        <source>total: %1</source>
        <translation>gesamt: %1</translation>
    </message>
    <message>
        <location filename="../ui/timelinechart.cpp" line="1192"/>
        <source>bin %1</source>
        <translation>Intervall %1</translation>
    </message>
    <message>
        <location filename="../ui/timelinechart.cpp" line="337"/>
        <source>No data: nothing was captured here</source>
        <translation>Keine Daten: hier wurde nichts mitgeschnitten</translation>
    </message>
</context>
<context>
    <name>tideline::TrainFileDialog</name>
    <message>
        <location filename="../ui/trainfiledialog.cpp" line="37"/>
        <source>Train on %1</source>
        <translation>Auf %1 trainieren</translation>
    </message>
    <message>
        <location filename="../ui/trainfiledialog.cpp" line="44"/>
        <source>The column holding each row&apos;s class (--label-column)</source>
        <translation>Die Spalte mit der Klasse jeder Zeile (--label-column)</translation>
    </message>
    <message>
        <location filename="../ui/trainfiledialog.cpp" line="47"/>
        <source>Normal / attack</source>
        <translation>Normal / Angriff</translation>
    </message>
    <message>
        <location filename="../ui/trainfiledialog.cpp" line="47"/>
        <source>Every label value</source>
        <translation>Jeder Kennzeichnungswert</translation>
    </message>
    <message>
        <location filename="../ui/trainfiledialog.cpp" line="48"/>
        <source>Normal / attack: an empty label, -, normal, benign, false, none or 0 is normal, any other an attack (--classes binary). Every label value: one class each (--classes multi).</source>
        <translation>Normal / Angriff: eine leere Kennzeichnung, -, normal, benign, false, none oder 0 ist normal, jede andere ein Angriff (--classes binary). Jeder Kennzeichnungswert: je eine Klasse (--classes multi).</translation>
    </message>
    <message>
        <location filename="../ui/trainfiledialog.cpp" line="60"/>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <location filename="../ui/trainfiledialog.cpp" line="64"/>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <location filename="../ui/trainfiledialog.cpp" line="65"/>
        <source>Label column:</source>
        <translation>Kennzeichnungsspalte:</translation>
    </message>
    <message>
        <location filename="../ui/trainfiledialog.cpp" line="66"/>
        <source>Classes:</source>
        <translation>Klassen:</translation>
    </message>
    <message>
        <location filename="../ui/trainfiledialog.cpp" line="122"/>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <location filename="../ui/trainfiledialog.cpp" line="152"/>
        <source>(none found)</source>
        <translation>(keine gefunden)</translation>
    </message>
    <message>
        <location filename="../ui/trainfiledialog.cpp" line="170"/>
        <source>%1 has no label column to learn from: choose one.</source>
        <translation>%1 hat keine Kennzeichnungsspalte, aus der gelernt werden kann: eine wählen.</translation>
    </message>
    <message>
        <location filename="../ui/trainfiledialog.cpp" line="174"/>
        <source>%1 training rows (%2 of the file)</source>
        <translation>%1 Trainingszeilen (%2 der Datei)</translation>
    </message>
</context>
<context>
    <name>tideline::binwidth</name>
    <message>
        <location filename="../core/common/binwidth.cpp" line="105"/>
        <source>a bin width must be at least %1 (the finest resolution Tideline keeps)</source>
        <translation>eine Intervallbreite muss mindestens %1 sein (die feinste Auflösung, die Tideline behält)</translation>
    </message>
    <message>
        <location filename="../core/common/binwidth.cpp" line="108"/>
        <source>a bin width must be a multiple of %1 (the finest resolution Tideline keeps): %2 is not; %3 or %4 is</source>
        <translation>eine Intervallbreite muss ein Vielfaches von %1 sein (die feinste Auflösung, die Tideline behält): %2 ist es nicht; %3 oder %4 ist es</translation>
    </message>
    <message>
        <location filename="../core/common/binwidth.cpp" line="114"/>
        <source>a bin width can be at most %1</source>
        <translation>eine Intervallbreite kann höchstens %1 sein</translation>
    </message>
    <message>
        <location filename="../core/common/binwidth.cpp" line="120"/>
        <source>a bin width of %1 makes more than %2 bins here, the most a series may have: choose a wider bin</source>
        <translation>eine Intervallbreite von %1 ergibt hier mehr als %2 Intervalle, die Höchstzahl für eine Reihe: ein breiteres Intervall wählen</translation>
    </message>
</context>
<context>
    <name>tideline::cli</name>
    <message>
        <location filename="../app/cli.cpp" line="18"/>
        <source>Write the sample scenario capture and its truth file</source>
        <translation>Den Beispielmitschnitt und seine Wahrheitsdatei schreiben</translation>
    </message>
    <message>
        <location filename="../app/cli.cpp" line="21"/>
        <source>Packets, bytes, time span, link types and problems of a file</source>
        <translation>Pakete, Bytes, Zeitspanne, Link-Typen und Probleme einer Datei</translation>
    </message>
    <message>
        <location filename="../app/cli.cpp" line="25"/>
        <source>Write the binned features of a file as CSV</source>
        <translation>Die Merkmale je Intervall einer Datei als CSV schreiben</translation>
    </message>
    <message>
        <location filename="../app/cli.cpp" line="39"/>
        <source>Show a case file, or export its marked anomalies</source>
        <translation>Eine Falldatei anzeigen oder ihre markierten Anomalien exportieren</translation>
    </message>
    <message>
        <location filename="../app/cli.cpp" line="42"/>
        <source>Detect anomalies live on an interface, or in a replayed capture</source>
        <translation>Anomalien live auf einer Schnittstelle oder in einem wiedergegebenen Mitschnitt erkennen</translation>
    </message>
    <message>
        <location filename="../app/cli.cpp" line="46"/>
        <source>Serve detection over HTTP, with a live stream of events</source>
        <translation>Erkennung über HTTP bereitstellen, mit einem Live-Stream von Ereignissen</translation>
    </message>
    <message>
        <location filename="../app/cli.cpp" line="60"/>
        <source>Usage: tideline [FILE]                 open the workbench (optionally on FILE)
       tideline COMMAND [OPTIONS…]      run a command without a window

Commands:
</source>
        <translation>Aufruf: tideline [FILE]                 die Werkbank öffnen (optional mit FILE)
        tideline COMMAND [OPTIONS…]     einen Befehl ohne Fenster ausführen

Befehle:
</translation>
    </message>
    <message>
        <location filename="../app/cli.cpp" line="70"/>
        <source>
Window options:
  --palette NAME         the window&apos;s colours: system, light or dark
  --screenshot OUT.png   render the window offscreen after loading FILE and exit
  --detector NAME        with --screenshot: train this detector first
  --percentile P         with --screenshot: the threshold percentile
  --series NAME          with --screenshot: the Series entry to draw
  --truth TRUTH          known anomalies to draw under FILE&apos;s timeline
  --query NAME=PROMQL    FILE may be prometheus+http(s)://HOST:PORT[/PREFIX]: read
                         these queries (with --start T --end T [--step 15s])

  -h, --help             this help; tideline COMMAND --help for a command
  -v, --version          the version

Exit status: 0 success, 1 the input could not be used, 2 usage error.
</source>
        <translation>
Fensteroptionen:
  --palette NAME         die Farben des Fensters: system, light oder dark
  --screenshot OUT.png   das Fenster nach dem Laden von FILE ohne Bildschirm rendern und beenden
  --detector NAME        mit --screenshot: zuerst diesen Detektor trainieren
  --percentile P         mit --screenshot: das Perzentil für den Schwellenwert
  --series NAME          mit --screenshot: der zu zeichnende Eintrag der Reihe
  --truth TRUTH          bekannte Anomalien, die unter der Zeitachse von FILE gezeichnet werden
  --query NAME=PROMQL    FILE darf prometheus+http(s)://HOST:PORT[/PREFIX] sein: diese
                         Abfragen lesen (mit --start T --end T [--step 15s])

  -h, --help             diese Hilfe; tideline COMMAND --help für einen Befehl
  -v, --version          die Version

Exit-Status: 0 Erfolg, 1 die Eingabe war nicht verwendbar, 2 Aufruffehler.
</translation>
    </message>
    <message>
        <location filename="../app/cli.cpp" line="179"/>
        <source>unknown command &apos;%1&apos; (did you mean %2?); tideline --help lists the commands</source>
        <translation>unbekannter Befehl &apos;%1&apos; (meinten Sie %2?); tideline --help listet die Befehle</translation>
    </message>
    <message>
        <location filename="../app/cli.cpp" line="184"/>
        <source>unknown command &apos;%1&apos;; tideline --help lists the commands</source>
        <translation>unbekannter Befehl &apos;%1&apos;; tideline --help listet die Befehle</translation>
    </message>
    <message>
        <location filename="../app/cli.cpp" line="196"/>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <location filename="../app/cli.cpp" line="217"/>
        <source>tideline: expected exactly one %1

</source>
        <translation>tideline: genau ein %1 erwartet

</translation>
    </message>
    <message>
        <location filename="../app/generatecommand.cpp" line="25"/>
        <source>Write the sample scenario: a site&apos;s traffic with a port scan, a SYN flood, a slow exfiltration and a UDP amplification attack on top, and OUT.truth.csv listing them. The same arguments always give the same bytes.</source>
        <translation>Das Beispielszenario schreiben: den Verkehr eines Standorts, überlagert von einem Portscan, einer SYN-Flood, einer langsamen Exfiltration und einem UDP-Amplification-Angriff, dazu OUT.truth.csv, das diese auflistet. Gleiche Argumente ergeben stets dieselben Bytes.</translation>
    </message>
    <message>
        <location filename="../app/generatecommand.cpp" line="33"/>
        <source>Random seed (default 1).</source>
        <translation>Zufallsstartwert (Standard 1).</translation>
    </message>
    <message>
        <location filename="../app/generatecommand.cpp" line="37"/>
        <source>Length of the capture in seconds (default 300).</source>
        <translation>Länge des Mitschnitts in Sekunden (Standard 300).</translation>
    </message>
    <message>
        <location filename="../app/generatecommand.cpp" line="42"/>
        <source>Mean background packets per second (default 500).</source>
        <translation>Mittlere Hintergrundpakete pro Sekunde (Standard 500).</translation>
    </message>
    <message>
        <location filename="../app/generatecommand.cpp" line="47"/>
        <source>Make the port scan, SYN flood and UDP amplification last this many seconds each (default: a share of the capture, 5 % for the scan).</source>
        <translation>Portscan, SYN-Flut und UDP-Verstärkungsangriff je so viele Sekunden dauern lassen (Standard: ein Anteil des Mitschnitts, 5 % für den Scan).</translation>
    </message>
    <message>
        <location filename="../app/generatecommand.cpp" line="54"/>
        <source>Multiply the scan, flood and amplification rates (default 1).</source>
        <translation>Die Raten von Scan, Flut und Verstärkungsangriff vervielfachen (Standard 1).</translation>
    </message>
    <message>
        <location filename="../app/generatecommand.cpp" line="59"/>
        <source>pcap or pcapng (default: pcapng when OUT ends in .pcapng, else pcap).</source>
        <translation>pcap oder pcapng (Standard: pcapng, wenn OUT auf .pcapng endet, sonst pcap).</translation>
    </message>
    <message>
        <location filename="../app/generatecommand.cpp" line="66"/>
        <source>The capture file to write.</source>
        <translation>Die zu schreibende Mitschnittdatei.</translation>
    </message>
    <message>
        <location filename="../app/generatecommand.cpp" line="78"/>
        <source>--seed needs a whole number from 0 to 18446744073709551615</source>
        <translation>--seed braucht eine ganze Zahl von 0 bis 18446744073709551615</translation>
    </message>
    <message>
        <location filename="../app/generatecommand.cpp" line="83"/>
        <source>--duration needs a number of seconds</source>
        <translation>--duration braucht eine Anzahl Sekunden</translation>
    </message>
    <message>
        <location filename="../app/generatecommand.cpp" line="86"/>
        <source>--rate needs a number of packets per second</source>
        <translation>--rate braucht eine Anzahl Pakete pro Sekunde</translation>
    </message>
    <message>
        <location filename="../app/generatecommand.cpp" line="91"/>
        <source>--attack-seconds needs a number of seconds</source>
        <translation>--attack-seconds braucht eine Anzahl Sekunden</translation>
    </message>
    <message>
        <location filename="../app/generatecommand.cpp" line="97"/>
        <source>--attack-intensity needs a number</source>
        <translation>--attack-intensity braucht eine Zahl</translation>
    </message>
    <message>
        <location filename="../app/generatecommand.cpp" line="107"/>
        <source>unknown --format &apos;%1&apos; (use pcap or pcapng)</source>
        <translation>unbekanntes --format &apos;%1&apos; (pcap oder pcapng verwenden)</translation>
    </message>
    <message>
        <location filename="../app/generatecommand.cpp" line="119"/>
        <source>wrote %1 packets, %2 bytes to %3; truth: %4</source>
        <translation>%1 Pakete, %2 Bytes nach %3 geschrieben; Wahrheit: %4</translation>
    </message>
    <message>
        <location filename="../app/seriescommand.cpp" line="27"/>
        <source>Write one row per bin: its start time and every feature.</source>
        <translation>Eine Zeile pro Intervall schreiben: Startzeit und jedes Merkmal.</translation>
    </message>
    <message>
        <location filename="../app/seriescommand.cpp" line="30"/>
        <source>A capture, a table or a prometheus+http(s):// URL.</source>
        <translation>Ein Mitschnitt, eine Tabelle oder eine prometheus+http(s)://-URL.</translation>
    </message>
    <message>
        <location filename="../app/seriescommand.cpp" line="32"/>
        <source>Bin width: 100ms, 1s, 10s, 1m, … (default: automatic).</source>
        <translation>Intervallbreite: 100ms, 1s, 10s, 1m, … (Standard: automatisch).</translation>
    </message>
    <message>
        <location filename="../app/seriescommand.cpp" line="35"/>
        <source>Where to write the CSV (default: standard output).</source>
        <translation>Wohin die CSV geschrieben wird (Standard: Standardausgabe).</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="199"/>
        <location filename="../app/seriescommand.cpp" line="54"/>
        <source>--bin: &apos;%1&apos; is not a duration like 100ms, 1s or 1m</source>
        <translation>--bin: &apos;%1&apos; ist keine Dauer wie 100ms, 1s oder 1m</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="267"/>
        <location filename="../app/detectcommand.cpp" line="407"/>
        <location filename="../app/seriescommand.cpp" line="64"/>
        <source>warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="82"/>
        <source>%1 (%2 packets)</source>
        <translation>%1 (%2 Pakete)</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="87"/>
        <location filename="../app/summarizecommand.cpp" line="173"/>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="88"/>
        <location filename="../app/summarizecommand.cpp" line="174"/>
        <location filename="../app/summarizecommand.cpp" line="214"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="89"/>
        <source>%1, %2 timestamps</source>
        <translation>%1, %2-Zeitstempel</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="91"/>
        <source>Link types:</source>
        <translation>Link-Typen:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="92"/>
        <source>Packets:</source>
        <translation>Pakete:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="93"/>
        <source>Bytes:</source>
        <translation>Bytes:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="94"/>
        <source>%1 (%2 captured)</source>
        <translation>%1 (%2 mitgeschnitten)</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="97"/>
        <location filename="../app/summarizecommand.cpp" line="188"/>
        <location filename="../app/summarizecommand.cpp" line="218"/>
        <source>First:</source>
        <translation>Erstes:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="99"/>
        <location filename="../app/summarizecommand.cpp" line="189"/>
        <location filename="../app/summarizecommand.cpp" line="219"/>
        <source>Last:</source>
        <translation>Letztes:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="101"/>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="102"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="104"/>
        <source>Decoded:</source>
        <translation>Dekodiert:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="105"/>
        <source>Undecoded:</source>
        <translation>Nicht dekodiert:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="106"/>
        <source>Malformed:</source>
        <translation>Fehlerhaft:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="107"/>
        <source>Backward timestamps:</source>
        <translation>Rückwärtige Zeitstempel:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="109"/>
        <location filename="../app/summarizecommand.cpp" line="191"/>
        <location filename="../app/summarizecommand.cpp" line="234"/>
        <source>Warnings:</source>
        <translation>Warnungen:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="175"/>
        <source>table, %1</source>
        <translation>Tabelle, %1</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="177"/>
        <source>table (%1), %2</source>
        <translation>Tabelle (%1), %2</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="213"/>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="215"/>
        <source>Prometheus HTTP API</source>
        <translation>Prometheus-HTTP-API</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="217"/>
        <source>Query:</source>
        <translation>Abfrage:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="220"/>
        <source>Step:</source>
        <translation>Schrittweite:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="222"/>
        <source>Requests:</source>
        <translation>Anfragen:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="223"/>
        <source>%1 (%2 bytes in %3 s)</source>
        <translation>%1 (%2 Bytes in %3 s)</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="227"/>
        <source>Features:</source>
        <translation>Merkmale:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="230"/>
        <source>%1 points, %2 gaps</source>
        <translation>%1 Punkte, %2 Lücken</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="257"/>
        <source>Packets, bytes, time span, link types, undecoded packets and problems of a capture (pcap or pcapng, recognised by content, not by name), or the flavour, rows, time and label columns of a table.</source>
        <translation>Pakete, Bytes, Zeitspanne, Link-Typen, nicht dekodierte Pakete und Probleme eines Mitschnitts (pcap oder pcapng, am Inhalt erkannt, nicht am Namen) oder Variante, Zeilen, Zeit- und Kennzeichnungsspalte einer Tabelle.</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="265"/>
        <source>The file to summarize.</source>
        <translation>Die zusammenzufassende Datei.</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="268"/>
        <source>Print one JSON object instead of text.</source>
        <translation>Ein JSON-Objekt statt Text ausgeben.</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="286"/>
        <source>%1: no such file</source>
        <translation>%1: die Datei existiert nicht</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="288"/>
        <source>%1: is a folder, not a capture or a table</source>
        <translation>%1: ist ein Ordner, kein Mitschnitt und keine Tabelle</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="296"/>
        <source>%1: is not a regular file (a device, pipe or socket), not a capture or a table</source>
        <translation>%1: ist keine reguläre Datei (ein Gerät, eine Pipe oder ein Socket), kein Mitschnitt und keine Tabelle</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="302"/>
        <source>%1: cannot be read (permission denied)</source>
        <translation>%1: kann nicht gelesen werden (keine Berechtigung)</translation>
    </message>
    <message>
        <location filename="../app/cli.cpp" line="28"/>
        <source>Score a file with a detector and write its anomalous intervals</source>
        <translation>Eine Datei mit einem Detektor bewerten und ihre anomalen Zeiträume schreiben</translation>
    </message>
    <message>
        <location filename="../app/cli.cpp" line="32"/>
        <source>List the detectors and their parameters</source>
        <translation>Die Detektoren und ihre Parameter auflisten</translation>
    </message>
    <message>
        <location filename="../app/cli.cpp" line="35"/>
        <source>Precision, recall and AUC of detected intervals against truth</source>
        <translation>Präzision, Trefferquote und AUC der erkannten Zeiträume gegenüber der Wahrheit</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="61"/>
        <source>Detector name (see tideline detectors).</source>
        <translation>Name des Detektors (siehe tideline detectors).</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="63"/>
        <source>Bin width (default: automatic).</source>
        <translation>Intervallbreite (Standard: automatisch).</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="51"/>
        <source>Score every bin of FILE with a detector, flag those above the threshold (from the distribution of the training rows&apos; scores, with a fitted tail beyond what they resolve) and write the merged anomalous intervals. By default the threshold allows one false alarm per day of normal traffic.</source>
        <translation>Jedes Intervall von FILE mit einem Detektor bewerten, die Intervalle über dem Schwellenwert (aus der Verteilung der Bewertungen der Trainingszeilen, mit einem angepassten Rand jenseits dessen, was sie auflösen) markieren und die zusammengeführten anomalen Zeiträume schreiben. Standardmäßig lässt der Schwellenwert einen Fehlalarm pro Tag normalen Verkehrs zu.</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="57"/>
        <source>A capture, a table or a prometheus+http(s):// URL (with --case: the case&apos;s source, when it has moved).</source>
        <translation>Ein Mitschnitt, eine Tabelle oder eine prometheus+http(s)://-URL (mit --case: die Quelle des Falls, wenn sie verschoben wurde).</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="65"/>
        <source>A detector parameter.</source>
        <translation>Ein Detektorparameter.</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="67"/>
        <source>Random seed (1).</source>
        <translation>Zufallsstartwert (1).</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="70"/>
        <source>Train on rows starting in [START, END) (ISO 8601).</source>
        <translation>Auf Zeilen trainieren, die in [START, END) beginnen (ISO 8601).</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="73"/>
        <source>Train on the first fraction of rows (0.7 or 70%).</source>
        <translation>Auf dem ersten Anteil der Zeilen trainieren (0.7 oder 70%).</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="76"/>
        <source>Comma-separated feature columns (default: all but largest_upload); +NAME,… adds to the default (+largest_upload).</source>
        <translation>Kommagetrennte Merkmalsspalten (Vorgabe: alle außer largest_upload); +NAME,… ergänzt die Vorgabe (+largest_upload).</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="82"/>
        <source>Add time-of-day and day-of-week features, so a daily rhythm counts as normal.</source>
        <translation>Tageszeit- und Wochentag-Merkmale hinzufügen, damit ein täglicher Rhythmus als normal gilt.</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="84"/>
        <source>Train on this file (all of it, or --train-range/--train-fraction of it) and score FILE.</source>
        <translation>Auf dieser Datei trainieren (ganz oder dem mit --train-range/--train-fraction gewählten Teil) und FILE bewerten.</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="89"/>
        <source>Supervised detectors: also keep the trained model in this file, for --model.</source>
        <translation>Überwachte Detektoren: das trainierte Modell zusätzlich in dieser Datei ablegen, für --model.</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="93"/>
        <source>Score FILE with a model saved by --save-model instead of training one (its detector, parameters, features and classes come from the model).</source>
        <translation>FILE mit einem durch --save-model gespeicherten Modell bewerten, statt eines zu trainieren (Detektor, Parameter, Merkmale und Klassen stammen aus dem Modell).</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="98"/>
        <source>What FILE&apos;s rows are: its bins (the default) or, for a capture, its flows — one row per flow under the column names of NFStream, CICFlowMeter and UNSW-NB15 tables (see README), to label each flow with a supervised model trained on such a table.</source>
        <translation>Was die Zeilen von FILE sind: ihre Intervalle (Standard) oder, bei einem Mitschnitt, ihre Flüsse — eine Zeile pro Fluss unter den Spaltennamen der Tabellen von NFStream, CICFlowMeter und UNSW-NB15 (siehe README), um jeden Fluss mit einem überwachten Modell zu kennzeichnen, das auf einer solchen Tabelle trainiert wurde.</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="104"/>
        <source>The ground-truth column of both files (default: found by name: label, attack_cat, class…); supervised detectors learn from it.</source>
        <translation>Die Wahrheitsspalte beider Dateien (Standard: nach Namen gefunden: label, attack_cat, class…); überwachte Detektoren lernen aus ihr.</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="109"/>
        <source>Supervised detectors: learn normal / attack (binary, the default) or every value of the label column (multi).</source>
        <translation>Überwachte Detektoren: normal / Angriff lernen (binary, der Standard) oder jeden Wert der Kennzeichnungsspalte (multi).</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="113"/>
        <source>Where to write the anomalies CSV (required).</source>
        <translation>Wohin die Anomalie-CSV geschrieben wird (erforderlich).</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="115"/>
        <source>Also write per-bin scores.</source>
        <translation>Zusätzlich die Bewertungen je Intervall schreiben.</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="118"/>
        <source>Also write the source, series, run and anomalies as a case the window opens.</source>
        <translation>Quelle, Reihe, Lauf und Anomalien zusätzlich als Fall schreiben, den das Fenster öffnet.</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="122"/>
        <source>Run the case&apos;s current run again on its source (which must be unchanged) instead of the options above.</source>
        <translation>Den aktuellen Lauf des Falls erneut auf seiner Quelle ausführen (die unverändert sein muss) statt der Optionen oben.</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="145"/>
        <source>--case runs what the case holds: --%1 cannot be given too</source>
        <translation>--case führt aus, was der Fall enthält: --%1 kann nicht zusätzlich angegeben werden</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="149"/>
        <source>--case takes at most one FILE (where the source is now)</source>
        <translation>--case nimmt höchstens eine FILE (wo die Quelle jetzt liegt)</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="160"/>
        <source>--save-case needs a file as the source; write the series to a file first (tideline series … -o series.csv)</source>
        <translation>--save-case braucht eine Datei als Quelle; die Reihe zuerst in eine Datei schreiben (tideline series … -o series.csv)</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="171"/>
        <source>--model scores with a trained model: --%1 cannot be given too</source>
        <translation>--model bewertet mit einem trainierten Modell: --%1 kann nicht zusätzlich angegeben werden</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="180"/>
        <source>--detector is required (see tideline detectors)</source>
        <translation>--detector ist erforderlich (siehe tideline detectors)</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="184"/>
        <source>unknown detector &apos;%1&apos; (see tideline detectors)</source>
        <translation>unbekannter Detektor &apos;%1&apos; (siehe tideline detectors)</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="186"/>
        <source>--save-model keeps supervised models (random_forest, knn_classifier), not %1</source>
        <translation>--save-model speichert überwachte Modelle (random_forest, knn_classifier), nicht %1</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="201"/>
        <location filename="../app/seriescommand.cpp" line="56"/>
        <source>--bin: %1</source>
        <translation>--bin: %1</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="210"/>
        <source>--seed needs a whole number</source>
        <translation>--seed braucht eine ganze Zahl</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="213"/>
        <source>give --train-range or --train-fraction, not both</source>
        <translation>--train-range oder --train-fraction angeben, nicht beides</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="234"/>
        <source>--rows takes bins or flows</source>
        <translation>--rows nimmt bins oder flows</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="239"/>
        <source>--save-case keeps bins: it cannot be given with --rows flows</source>
        <translation>--save-case speichert Intervalle: es kann nicht mit --rows flows angegeben werden</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="245"/>
        <source>--classes takes binary or multi</source>
        <translation>--classes nimmt binary oder multi an</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="254"/>
        <source>; a capture&apos;s flows have %1 — train with --features naming those</source>
        <translation>; die Flüsse eines Mitschnitts haben %1 — mit --features trainieren, das diese nennt</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="298"/>
        <source>%1 holds no detector run</source>
        <translation>%1 enthält keinen Detektorlauf</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="309"/>
        <source>%1 (the case&apos;s source; give the file where it is now after -o)</source>
        <translation>%1 (die Quelle des Falls; die Datei, wo sie jetzt liegt, nach -o angeben)</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="351"/>
        <source>%1: the capture has no IP flows (--rows flows)</source>
        <translation>%1: der Mitschnitt hat keine IP-Flüsse (--rows flows)</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="365"/>
        <source>; a model of flow rows scores a capture&apos;s flows with --rows flows</source>
        <translation>; ein Modell aus Flusszeilen bewertet die Flüsse eines Mitschnitts mit --rows flows</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="455"/>
        <source>%1 trees, out-of-bag error %2</source>
        <translation>%1 Bäume, Out-of-Bag-Fehler %2</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="459"/>
        <source>%1 anomalous interval(s); threshold %2 = %3, hold %4</source>
        <translation>Anomale Zeiträume: %1; Schwellenwert %2 = %3, halten über %4</translation>
    </message>
    <message>
        <location filename="../app/detectcommand.cpp" line="135"/>
        <source>-o anomalies.csv is required</source>
        <translation>-o anomalies.csv ist erforderlich</translation>
    </message>
    <message>
        <location filename="../app/detectorscommand.cpp" line="25"/>
        <source>  supervised: train with --model-from FILE, a table with a label column
</source>
        <translation>  überwacht: mit --model-from FILE trainieren, einer Tabelle mit Kennzeichnungsspalte
</translation>
    </message>
    <message>
        <location filename="../app/detectorscommand.cpp" line="28"/>
        <source>  (no parameters)

</source>
        <translation>  (keine Parameter)

</translation>
    </message>
    <message>
        <location filename="../app/detectorscommand.cpp" line="38"/>
        <source>default %1</source>
        <translation>Standard %1</translation>
    </message>
    <message>
        <location filename="../app/detectorscommand.cpp" line="45"/>
        <source>Set parameters with: tideline detect FILE --detector NAME --param name=value
</source>
        <translation>Parameter setzen mit: tideline detect FILE --detector NAME --param name=value
</translation>
    </message>
    <message>
        <location filename="../app/detectorscommand.cpp" line="55"/>
        <source>List the detectors, what they do and their parameters (name, type, default, range).</source>
        <translation>Die Detektoren auflisten, was sie tun, und ihre Parameter (Name, Typ, Standard, Bereich).</translation>
    </message>
    <message>
        <location filename="../app/detectorscommand.cpp" line="56"/>
        <location filename="../app/evaluatecommand.cpp" line="189"/>
        <source>Print JSON instead of text.</source>
        <translation>JSON statt Text ausgeben.</translation>
    </message>
    <message>
        <location filename="../app/detectorscommand.cpp" line="61"/>
        <source>detectors takes no arguments, got &apos;%1&apos;</source>
        <translation>detectors nimmt keine Argumente an, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="26"/>
        <location filename="../app/evaluatecommand.cpp" line="32"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="48"/>
        <source>classes:   accuracy %1 over %2 rows (rows: true class, columns: predicted)
</source>
        <translation>Klassen:    Genauigkeit %1 über %2 Zeilen (Zeilen: wahre Klasse, Spalten: vorhergesagt)
</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="66"/>
        <source>%1 precision %2, recall %3, F1 %4 (%5 rows)
</source>
        <translation>%1 Präzision %2, Trefferquote %3, F1 %4 (%5 Zeilen)
</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="78"/>
        <source>truth:     %1 intervals (%2)
</source>
        <translation>Wahrheit:   %1 Zeiträume (%2)
</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="80"/>
        <source>detected:  %1 intervals (%2)
</source>
        <translation>Erkannt:    %1 Zeiträume (%2)
</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="81"/>
        <source>events:    precision %1 (%2 of %3 detected intervals overlap the truth), recall %4 (%5 of %6 truth intervals found), F1 %7
</source>
        <translation>Ereignisse: Präzision %1 (%2 von %3 erkannten Zeiträumen überlappen die Wahrheit), Trefferquote %4 (%5 von %6 Wahrheitszeiträumen gefunden), F1 %7
</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="102"/>
        <source>missed:    %1; … and %2 more
</source>
        <translation>Verpasst:   %1; … und %2 weitere
</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="106"/>
        <source>missed:    %1
</source>
        <translation>Verpasst:   %1
</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="111"/>
        <source>coverage:  %1 %2: %3 covered, %4 spill-over
</source>
        <translation>Abdeckung:  %1 %2: %3 abgedeckt, %4 Überhang
</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="117"/>
        <source>rows:      %1 in %2, %3 inside truth intervals
</source>
        <translation>Zeilen:     %1 in %2, %3 in Wahrheitszeiträumen
</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="122"/>
        <source>bins:      precision %1, recall %2, F1 %3 (TP %4, FP %5, FN %6, TN %7)
</source>
        <translation>Intervalle: Präzision %1, Trefferquote %2, F1 %3 (TP %4, FP %5, FN %6, TN %7)
</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="128"/>
        <source>ranking:   ROC AUC %1, PR AUC %2
</source>
        <translation>Rangfolge:  ROC AUC %1, PR AUC %2
</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="154"/>
        <source>%1 numbers rows but %2 has times: they cannot be compared</source>
        <translation>%1 nummeriert Zeilen, %2 hat Zeiten: Sie lassen sich nicht vergleichen</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="165"/>
        <source>Compare detected intervals (and per-row scores) with ground truth: event-level precision, recall and F1; with --scores also bin-level ones and ROC / PR AUC. A truth interval is found when a detected interval overlaps it; a row is positive when its timestamp falls inside a truth interval.</source>
        <translation>Erkannte Zeiträume (und Bewertungen je Zeile) mit der Wahrheit vergleichen: Präzision, Trefferquote und F1 auf Ereignisebene; mit --scores zusätzlich auf Intervallebene sowie ROC- / PR-AUC. Ein Wahrheitszeitraum gilt als gefunden, wenn ein erkannter Zeitraum ihn überlappt; eine Zeile ist positiv, wenn ihr Zeitstempel in einen Wahrheitszeitraum fällt.</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="170"/>
        <source>Detected intervals, as written by tideline detect.</source>
        <translation>Erkannte Zeiträume, wie von tideline detect geschrieben.</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="173"/>
        <source>Truth intervals (start,end[,kind]), a per-row label table, or NAB&apos;s combined_windows.json.</source>
        <translation>Wahrheitszeiträume (start,end[,kind]), eine Tabelle mit Kennzeichnungen je Zeile oder NABs combined_windows.json.</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="178"/>
        <source>With a combined_windows.json: whose windows to read (&quot;realKnownCause/nyc_taxi.csv&quot; or &quot;nyc_taxi&quot;); by default the one anomalies.csv is named after.</source>
        <translation>Mit einer combined_windows.json: wessen Fenster gelesen werden („realKnownCause/nyc_taxi.csv“ oder „nyc_taxi“); standardmäßig die Reihe, nach der anomalies.csv benannt ist.</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="186"/>
        <source>With scores of a supervised detector and a per-row label table as the truth: the column whose classes the predictions are compared with (default: found by name).</source>
        <translation>Mit Bewertungen eines überwachten Detektors und einer Tabelle mit Kennzeichnungen je Zeile als Wahrheit: die Spalte, mit deren Klassen die Vorhersagen verglichen werden (Standard: nach Namen gefunden).</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="213"/>
        <source>%1 (choose one with --series NAME)</source>
        <translation>%1 (eine mit --series NAME wählen)</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="182"/>
        <source>Per-row scores, as written by tideline detect --scores.</source>
        <translation>Bewertungen je Zeile, wie von tideline detect --scores geschrieben.</translation>
    </message>
    <message>
        <location filename="../app/evaluatecommand.cpp" line="197"/>
        <source>--truth truth.csv is required</source>
        <translation>--truth truth.csv ist erforderlich</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="179"/>
        <location filename="../app/summarizecommand.cpp" line="221"/>
        <source>Rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="180"/>
        <source>%1 (%2 skipped)</source>
        <translation>%1 (%2 übersprungen)</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="183"/>
        <source>Columns:</source>
        <translation>Spalten:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="184"/>
        <source>Time column:</source>
        <translation>Zeitspalte:</translation>
    </message>
    <message>
        <location filename="../app/summarizecommand.cpp" line="186"/>
        <source>Label column:</source>
        <translation>Kennzeichnungsspalte:</translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="42"/>
        <source> (manual)</source>
        <translation> (manuell)</translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="44"/>
        <source> (detached: no interval of the current run overlaps it)</source>
        <translation> (nicht zugeordnet: kein Zeitraum des aktuellen Laufs überlappt sie)</translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="52"/>
        <source>What a case holds: its source, runs and annotations.</source>
        <translation>Was ein Fall enthält: seine Quelle, Läufe und Anmerkungen.</translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="53"/>
        <location filename="../app/casecommand.cpp" line="127"/>
        <source>A case file (.tideline).</source>
        <translation>Eine Falldatei (.tideline).</translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="67"/>
        <source>Case %1 (written by Tideline %2)</source>
        <translation>Fall %1 (geschrieben von Tideline %2)</translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="70"/>
        <source>Source: %1
  %2 bytes, SHA-256 %3%4</source>
        <translation>Quelle: %1
  %2 Bytes, SHA-256 %3%4</translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="75"/>
        <source> (not found there now)</source>
        <translation> (dort jetzt nicht gefunden)</translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="77"/>
        <source>Series: %1 rows × %2 features, bins of %3%4</source>
        <translation>Reihe: %1 Zeilen × %2 Merkmale, Intervalle zu %3%4</translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="81"/>
        <source>the file&apos;s rows</source>
        <translation>den Zeilen der Datei</translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="82"/>
        <source>, with drill-down tallies</source>
        <translation>, mit Detailzählungen</translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="84"/>
        <source>Runs: %1</source>
        <translation>Läufe: %1</translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="100"/>
        <source>Annotations: %1</source>
        <translation>Anmerkungen: %1</translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="101"/>
        <source>Anomalies: %1 (%2 marked)</source>
        <translation>Anomalien: %1 (%2 markiert)</translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="126"/>
        <source>Write a case&apos;s marked anomalies as the window&apos;s File ▸ Export does.</source>
        <translation>Die markierten Anomalien eines Falls schreiben, wie Datei ▸ Exportieren im Fenster.</translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="129"/>
        <source>Where to write the CSV (required).</source>
        <translation>Wohin die CSV geschrieben wird (erforderlich).</translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="132"/>
        <source>Every anomaly of the case, not only the marked ones.</source>
        <translation>Jede Anomalie des Falls, nicht nur die markierten.</translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="140"/>
        <source>-o marked.csv is required</source>
        <translation>-o marked.csv ist erforderlich</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/casecommand.cpp" line="155"/>
        <source>%n anomaly(s) written</source>
        <translation>
            <numerusform>%n Anomalie geschrieben</numerusform>
            <numerusform>%n Anomalien geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/casecommand.cpp" line="171"/>
        <source>Usage: tideline case show CASE
       tideline case export CASE -o marked.csv [--all]
</source>
        <translation>Aufruf: tideline case show CASE
        tideline case export CASE -o marked.csv [--all]
</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="44"/>
        <source>Serve the detectors over HTTP: POST /api/detect scores posted records, GET /api/detectors lists the detectors, GET /api/status says how the server is, and GET /api/stream sends server-sent events, one per closed bin and one per anomaly, from a capture replayed with --replay or an interface watched with --watch. Ctrl-C stops.</source>
        <translation>Die Detektoren über HTTP bereitstellen: POST /api/detect bewertet gesendete Datensätze, GET /api/detectors listet die Detektoren auf, GET /api/status meldet den Zustand des Servers, und GET /api/stream sendet Server-Sent Events, eines pro geschlossenem Intervall und eines pro Anomalie, aus einem mit --replay wiedergegebenen Mitschnitt oder einer mit --watch überwachten Schnittstelle. Strg+C beendet.</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="49"/>
        <source>The port (8080; 0: any free one, printed on start).</source>
        <translation>Der Port (8080; 0: ein beliebiger freier, beim Start ausgegeben).</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="53"/>
        <source>Listen on this address instead of 127.0.0.1 (needs --token).</source>
        <translation>Auf dieser Adresse statt auf 127.0.0.1 lauschen (braucht --token).</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="56"/>
        <source>Require Authorization: Bearer TOKEN on every request (TIDELINE_TOKEN in the environment does the same without showing it in the process list).</source>
        <translation>Authorization: Bearer TOKEN bei jeder Anfrage verlangen (TIDELINE_TOKEN in der Umgebung bewirkt dasselbe, ohne es in der Prozessliste zu zeigen).</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="60"/>
        <source>Stream the detection of this capture file, replayed.</source>
        <translation>Die Erkennung auf dieser Mitschnittdatei, wiedergegeben, als Stream senden.</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="64"/>
        <location filename="../app/watchcommand.cpp" line="66"/>
        <source>With --replay: times real time by the file&apos;s timestamps (1; 0: as fast as it can).</source>
        <translation>Mit --replay: Vielfaches der Echtzeit nach den Zeitstempeln der Datei (1; 0: so schnell wie möglich).</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="67"/>
        <source>Stream the detection of live traffic on this interface.</source>
        <translation>Die Erkennung des Live-Verkehrs auf dieser Schnittstelle als Stream senden.</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="70"/>
        <source>With --watch: a capture filter (BPF).</source>
        <translation>Mit --watch: ein Mitschnittfilter (BPF).</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="73"/>
        <source>Most records one POST /api/detect may send (100000).</source>
        <translation>Höchstzahl der Datensätze, die ein POST /api/detect senden darf (100000).</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="81"/>
        <source>serve takes no FILE; give --replay FILE</source>
        <translation>serve nimmt kein FILE; --replay FILE angeben</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="87"/>
        <source>--port needs a number from 0 to 65535</source>
        <translation>--port braucht eine Zahl von 0 bis 65535</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="94"/>
        <source>--listen: &apos;%1&apos; is not an IP address</source>
        <translation>--listen: &apos;%1&apos; ist keine IP-Adresse</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="96"/>
        <source>--listen on %1 needs --token: anyone who reaches the port could use the server</source>
        <translation>--listen auf %1 braucht --token: jeder, der den Port erreicht, könnte den Server benutzen</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="103"/>
        <source>--max-rows needs a whole number of at least 1</source>
        <translation>--max-rows braucht eine ganze Zahl von mindestens 1</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="106"/>
        <source>give --replay or --watch, not both</source>
        <translation>--replay oder --watch angeben, nicht beides</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="108"/>
        <location filename="../app/watchcommand.cpp" line="102"/>
        <source>--speed is for --replay</source>
        <translation>--speed ist für --replay</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="110"/>
        <source>--filter is for --watch</source>
        <translation>--filter ist für --watch</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="115"/>
        <location filename="../app/watchcommand.cpp" line="111"/>
        <source>--speed needs a number of at least 0</source>
        <translation>--speed braucht eine Zahl von mindestens 0</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="121"/>
        <location filename="../app/watchcommand.cpp" line="122"/>
        <source>--filter &apos;%1&apos;: %2</source>
        <translation>--filter &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="139"/>
        <source>listening on http://%1:%2/</source>
        <translation>lausche auf http://%1:%2/</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="148"/>
        <source>cannot set up signal handling</source>
        <translation>die Signalbehandlung kann nicht eingerichtet werden</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="163"/>
        <source>replay %1</source>
        <translation>Wiedergabe %1</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="164"/>
        <source>interface %1</source>
        <translation>Schnittstelle %1</translation>
    </message>
    <message>
        <location filename="../app/servecommand.cpp" line="178"/>
        <source>tideline: </source>
        <translation>tideline: </translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="54"/>
        <source>Detect while it happens: bin the packets of IFACE (or of a capture file replayed at its own pace) as they arrive, fit the detector on the first bins, then score every bin as it closes and print each anomalous interval as soon as it starts, with its kind and summary. Ctrl-C stops.</source>
        <translation>Erkennen, während es geschieht: die Pakete von IFACE (oder einer in ihrem eigenen Tempo wiedergegebenen Mitschnittdatei) beim Eintreffen in Intervalle einteilen, den Detektor auf den ersten Intervallen anpassen, dann jedes Intervall bewerten, sobald es sich schließt, und jeden anomalen Zeitraum ausgeben, sobald er beginnt, mit seiner Art und Zusammenfassung. Strg+C beendet.</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="59"/>
        <source>The interface to capture on (not with --replay).</source>
        <translation>Die Schnittstelle, auf der mitgeschnitten wird (nicht mit --replay).</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="62"/>
        <source>Replay this capture file instead of an interface.</source>
        <translation>Diese Mitschnittdatei statt einer Schnittstelle wiedergeben.</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="69"/>
        <source>One JSON object per anomaly and line, keyed by the anomalies CSV&apos;s column names.</source>
        <translation>Ein JSON-Objekt pro Anomalie und Zeile, mit den Spaltennamen der Anomalien-CSV als Schlüsseln.</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="72"/>
        <source>Append each anomaly to this CSV as it is found.</source>
        <translation>Jede Anomalie an diese CSV anhängen, sobald sie gefunden wird.</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="75"/>
        <source>A capture filter (BPF, as tcpdump takes it).</source>
        <translation>Ein Mitschnittfilter (BPF, wie tcpdump ihn nimmt).</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="78"/>
        <source>Keep the captured packets in a ring of pcapng files here.</source>
        <translation>Die mitgeschnittenen Pakete hier in einem Ring von pcapng-Dateien aufbewahren.</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="81"/>
        <source>How many ring files to keep (10).</source>
        <translation>Wie viele Ringdateien aufbewahrt werden (10).</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="83"/>
        <source>Megabytes per ring file (100).</source>
        <translation>Megabyte pro Ringdatei (100).</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="85"/>
        <source>Bytes kept of each packet (65535).</source>
        <translation>Bytes, die von jedem Paket behalten werden (65535).</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="95"/>
        <source>give one interface, or --replay FILE</source>
        <translation>eine Schnittstelle oder --replay FILE angeben</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="99"/>
        <source>--%1 is for capturing on an interface, not --replay</source>
        <translation>--%1 ist für das Mitschneiden auf einer Schnittstelle, nicht für --replay</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="128"/>
        <source>--ring-files needs a whole number of at least 1</source>
        <translation>--ring-files braucht eine ganze Zahl von mindestens 1</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="133"/>
        <source>--ring-size needs megabytes from 1 to 1000000</source>
        <translation>--ring-size braucht Megabyte von 1 bis 1000000</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="139"/>
        <source>--snaplen needs bytes from 64 to 262144</source>
        <translation>--snaplen braucht Bytes von 64 bis 262144</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="241"/>
        <source>warning: %1 packets dropped so far (kernel %2, interface %3)</source>
        <translation>Warnung: bisher %1 Pakete verworfen (Kernel %2, Schnittstelle %3)</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="248"/>
        <source>capturing on %1; Ctrl-C stops</source>
        <translation>Mitschnitt auf %1; Strg+C beendet</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="255"/>
        <source>%1 packets, %2 bins, %3 anomalies; dropped: kernel %4, interface %5</source>
        <translation>%1 Pakete, %2 Intervalle, %3 Anomalien; verworfen: Kernel %4, Schnittstelle %5</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="265"/>
        <source>warning: fewer than %1 bins with traffic: the detector never finished its warm-up (--warm-up sets how many)</source>
        <translation>Warnung: weniger als %1 Intervalle mit Verkehr: der Detektor hat seine Aufwärmphase nie beendet (--warm-up legt fest, wie viele)</translation>
    </message>
</context>
<context>
    <name>tideline::cli::LiveCommandOptions</name>
    <message>
        <location filename="../app/liveoptions.cpp" line="22"/>
        <source>An unsupervised detector: windowed_counts (the default), windowed_gaussian, htm and contextual learn as they go, the others score each bin with the model the warm-up trained.</source>
        <translation>Ein unüberwachter Detektor: windowed_counts (Standard), windowed_gaussian, htm und contextual lernen laufend, die anderen bewerten jedes Intervall mit dem Modell, das die Aufwärmphase trainiert hat.</translation>
    </message>
    <message>
        <location filename="../app/liveoptions.cpp" line="26"/>
        <source>A detector parameter.</source>
        <translation>Ein Detektorparameter.</translation>
    </message>
    <message>
        <location filename="../app/liveoptions.cpp" line="27"/>
        <source>Random seed (1).</source>
        <translation>Zufallsstartwert (1).</translation>
    </message>
    <message>
        <location filename="../app/liveoptions.cpp" line="28"/>
        <source>Bin width (default 1s).</source>
        <translation>Intervallbreite (Standard 1s).</translation>
    </message>
    <message>
        <location filename="../app/liveoptions.cpp" line="30"/>
        <source>Fit the detector and the threshold on this many first bins with traffic (60).</source>
        <translation>Detektor und Schwellenwert auf so vielen ersten Intervallen mit Verkehr anpassen (60).</translation>
    </message>
    <message>
        <location filename="../app/liveoptions.cpp" line="48"/>
        <source>unknown detector &apos;%1&apos; (see tideline detectors)</source>
        <translation>unbekannter Detektor &apos;%1&apos; (siehe tideline detectors)</translation>
    </message>
    <message>
        <location filename="../app/liveoptions.cpp" line="57"/>
        <source>--seed needs a whole number</source>
        <translation>--seed braucht eine ganze Zahl</translation>
    </message>
    <message>
        <location filename="../app/liveoptions.cpp" line="65"/>
        <source>--bin: &apos;%1&apos; is not a duration like 100ms, 1s or 1m</source>
        <translation>--bin: &apos;%1&apos; ist keine Dauer wie 100ms, 1s oder 1m</translation>
    </message>
    <message>
        <location filename="../app/liveoptions.cpp" line="71"/>
        <source>--warm-up needs a whole number of bins</source>
        <translation>--warm-up braucht eine ganze Zahl von Intervallen</translation>
    </message>
</context>
<context>
    <name>tideline::cli::PrometheusOptions</name>
    <message>
        <location filename="../app/prometheusoptions.cpp" line="21"/>
        <source>Prometheus source: a PromQL query and the feature it becomes (repeatable; several series from one query become several features).</source>
        <translation>Prometheus-Quelle: eine PromQL-Abfrage und das Merkmal, zu dem sie wird (wiederholbar; mehrere Reihen aus einer Abfrage werden zu mehreren Merkmalen).</translation>
    </message>
    <message>
        <location filename="../app/prometheusoptions.cpp" line="25"/>
        <source>Prometheus source: the first time (ISO 8601, UTC unless a zone is given; Unix seconds; now, or a time before it: -7d, -3h, -15m).</source>
        <translation>Prometheus-Quelle: die erste Zeit (ISO 8601, UTC, sofern keine Zone angegeben ist; Unix-Sekunden; now oder eine Zeit davor: -7d, -3h, -15m).</translation>
    </message>
    <message>
        <location filename="../app/prometheusoptions.cpp" line="28"/>
        <source>Prometheus source: the last time.</source>
        <translation>Prometheus-Quelle: der letzte Zeitpunkt.</translation>
    </message>
    <message>
        <location filename="../app/prometheusoptions.cpp" line="29"/>
        <source>Prometheus source: the query step, one row each (15s).</source>
        <translation>Prometheus-Quelle: die Schrittweite der Abfrage, je Schritt eine Zeile (15s).</translation>
    </message>
    <message>
        <location filename="../app/prometheusoptions.cpp" line="32"/>
        <source>Prometheus source: basic authentication as this user, the password from TIDELINE_PROMETHEUS_PASSWORD (a Bearer token comes from TIDELINE_PROMETHEUS_TOKEN).</source>
        <translation>Prometheus-Quelle: Basic-Authentifizierung als dieser Benutzer, das Passwort aus TIDELINE_PROMETHEUS_PASSWORD (ein Bearer-Token kommt aus TIDELINE_PROMETHEUS_TOKEN).</translation>
    </message>
    <message>
        <location filename="../app/prometheusoptions.cpp" line="37"/>
        <source>Prometheus source: the tenant (default: TIDELINE_PROMETHEUS_TENANT).</source>
        <translation>Prometheus-Quelle: der Mandant (Standard: TIDELINE_PROMETHEUS_TENANT).</translation>
    </message>
    <message>
        <location filename="../app/prometheusoptions.cpp" line="40"/>
        <source>Prometheus source: the header carrying the tenant (X-Scope-OrgID).</source>
        <translation>Prometheus-Quelle: der Header, der den Mandanten trägt (X-Scope-OrgID).</translation>
    </message>
    <message>
        <location filename="../app/prometheusoptions.cpp" line="43"/>
        <source>Prometheus source: give up on a request silent for this long (30s).</source>
        <translation>Prometheus-Quelle: eine Anfrage aufgeben, die so lange stumm bleibt (30s).</translation>
    </message>
    <message>
        <location filename="../app/prometheusoptions.cpp" line="46"/>
        <source>Prometheus source over https: trust the certificates in this PEM file besides the system&apos;s (a private CA).</source>
        <translation>Prometheus-Quelle über https: den Zertifikaten in dieser PEM-Datei zusätzlich zu denen des Systems vertrauen (eine private CA).</translation>
    </message>
    <message>
        <location filename="../app/prometheusoptions.cpp" line="50"/>
        <source>Prometheus source over https: accept any certificate (insecure: for test servers with a self-signed one).</source>
        <translation>Prometheus-Quelle über https: jedes Zertifikat akzeptieren (unsicher: für Testserver mit einem selbstsignierten).</translation>
    </message>
    <message>
        <location filename="../app/prometheusoptions.cpp" line="69"/>
        <source>--%1 is for a prometheus+http(s):// source, not a file</source>
        <translation>--%1 ist für eine prometheus+http(s)://-Quelle, nicht für eine Datei</translation>
    </message>
    <message>
        <location filename="../app/prometheusoptions.cpp" line="82"/>
        <source>a Prometheus source needs at least one --query NAME=PROMQL</source>
        <translation>eine Prometheus-Quelle braucht mindestens ein --query NAME=PROMQL</translation>
    </message>
    <message>
        <location filename="../app/prometheusoptions.cpp" line="89"/>
        <source>a Prometheus source needs --start and --end</source>
        <translation>eine Prometheus-Quelle braucht --start und --end</translation>
    </message>
    <message>
        <location filename="../app/prometheusoptions.cpp" line="94"/>
        <source>--%1: &apos;%2&apos; is neither ISO 8601 (2024-03-11T12:00:00Z), Unix seconds, now nor a time before it (-7d, -3h)</source>
        <translation>--%1: &apos;%2&apos; ist weder ISO 8601 (2024-03-11T12:00:00Z) noch Unix-Sekunden, now oder eine Zeit davor (-7d, -3h)</translation>
    </message>
    <message>
        <location filename="../app/prometheusoptions.cpp" line="105"/>
        <source>--%1: &apos;%2&apos; is not a duration like 15s, 1m or 1h</source>
        <translation>--%1: &apos;%2&apos; ist keine Dauer wie 15s, 1m oder 1h</translation>
    </message>
    <message>
        <location filename="../app/prometheusoptions.cpp" line="127"/>
        <source>FILE may also be a Prometheus-compatible server, prometheus+http(s)://HOST:PORT[/PREFIX], read with --query, --start, --end and --step.</source>
        <translation>FILE darf auch ein Prometheus-kompatibler Server sein, prometheus+http(s)://HOST:PORT[/PREFIX], gelesen mit --query, --start, --end und --step.</translation>
    </message>
</context>
<context>
    <name>tideline::cli::Reporter</name>
    <message>
        <location filename="../app/watchcommand.cpp" line="177"/>
        <source>  (score %1, threshold %2)</source>
        <translation>  (Bewertung %1, Schwellenwert %2)</translation>
    </message>
    <message>
        <location filename="../app/watchcommand.cpp" line="192"/>
        <source>fitted on the warm-up; scoring bins from %1, threshold %2</source>
        <translation>auf der Aufwärmphase angepasst; bewerte Intervalle ab %1, Schwellenwert %2</translation>
    </message>
</context>
<context>
    <name>tideline::cli::ThresholdOptions</name>
    <message>
        <location filename="../app/thresholdoptions.cpp" line="21"/>
        <source>Threshold at this percentile of the training scores (may be 99.999).</source>
        <translation>Schwellenwert bei diesem Perzentil der Trainingsbewertungen (darf 99.999 sein).</translation>
    </message>
    <message>
        <location filename="../app/thresholdoptions.cpp" line="24"/>
        <source>Threshold allowing N false alarms per day of normal traffic (default 1; tables without times: the 99th percentile).</source>
        <translation>Schwellenwert, der N Fehlalarme pro Tag normalen Verkehrs zulässt (Standard 1; Tabellen ohne Zeiten: das 99. Perzentil).</translation>
    </message>
    <message>
        <location filename="../app/thresholdoptions.cpp" line="28"/>
        <source>An interval holds while the score stays above this percentile of the training scores (95; 100: no hold).</source>
        <translation>Ein Zeitraum hält an, solange die Bewertung über diesem Perzentil der Trainingsbewertungen bleibt (95; 100: kein Halten).</translation>
    </message>
    <message>
        <location filename="../app/thresholdoptions.cpp" line="31"/>
        <source>Merge flagged bins at most this many bins apart (1).</source>
        <translation>Markierte Intervalle zusammenführen, die höchstens so viele Intervalle auseinanderliegen (1).</translation>
    </message>
    <message>
        <location filename="../app/thresholdoptions.cpp" line="50"/>
        <source>give --percentile or --false-alarms-per-day, not both</source>
        <translation>--percentile oder --false-alarms-per-day angeben, nicht beides</translation>
    </message>
    <message>
        <location filename="../app/thresholdoptions.cpp" line="54"/>
        <source>--percentile needs a number from 0 to 100</source>
        <translation>--percentile braucht eine Zahl von 0 bis 100</translation>
    </message>
    <message>
        <location filename="../app/thresholdoptions.cpp" line="60"/>
        <source>--false-alarms-per-day needs a number of at least 0</source>
        <translation>--false-alarms-per-day braucht eine Zahl von mindestens 0</translation>
    </message>
    <message>
        <location filename="../app/thresholdoptions.cpp" line="66"/>
        <source>--hold needs a percentile from 0 to 100</source>
        <translation>--hold braucht ein Perzentil von 0 bis 100</translation>
    </message>
    <message>
        <location filename="../app/thresholdoptions.cpp" line="71"/>
        <source>--gap needs a whole number of bins</source>
        <translation>--gap braucht eine ganze Zahl von Intervallen</translation>
    </message>
</context>
</TS>
