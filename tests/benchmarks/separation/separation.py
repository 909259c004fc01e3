#!/usr/bin/env python3
"""Do the attacks stand out? Per detector, each attack's peak score against the highest score
of any normal bin, on a long generated capture.

    separation.py TIDELINE [--baseline OLD_TIDELINE] [--work DIR] [--duration 86400] ...

Writes a capture with `TIDELINE generate` (a day of traffic at --rate packets/s with a port scan,
a SYN flood and a UDP amplification of --attack-seconds each at --attack-intensity times their
usual rate, and the slow exfiltration), then runs `detect --bin 10s --scores` with every
detector, trained on all rows and on the first --first-part of them. A bin that overlaps an
attack belongs to it; a normal bin overlaps none (the exfiltration's bins are neither). The
separation of an attack is its peak score divided by the normal maximum: above 1, a threshold
exists that flags the attack's peak bin and no normal bin. With --baseline, the same runs with
another build of tideline are printed beside ("before" → "after").
"""

import argparse
import csv
import datetime
import os
import subprocess
import sys
import tempfile
import time

DETECTORS = ["robust_z", "windowed_gaussian", "windowed_counts", "isolation_forest", "knn",
             "autoencoder"]
ATTACKS = ["port_scan", "syn_flood", "udp_amplification"]


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def read_truth(path):
    with open(path, newline="") as handle:
        return [(row["kind"], parse_time(row["start"]), parse_time(row["end"]))
                for row in csv.DictReader(handle)]


def read_scores(path):
    with open(path, newline="") as handle:
        return [(parse_time(row["timestamp"]), float(row["score"]))
                for row in csv.DictReader(handle)]


def separation(scores, truth, bin_seconds):
    """{attack kind: peak score}, the normal maximum and the bin where it is."""
    peaks = {}
    normal_max, normal_at = float("-inf"), None
    for start, score in scores:
        end = start + bin_seconds
        kinds = [kind for kind, a, b in truth if start < b and a < end]
        if not kinds:
            if score > normal_max:
                normal_max, normal_at = score, start
            continue
        for kind in kinds:
            peaks[kind] = max(peaks.get(kind, float("-inf")), score)
    return peaks, normal_max, normal_at


def run_detect(tideline, capture, detector, bin_width, fraction, work):
    scores = os.path.join(work, f"{detector}.scores.csv")
    command = [tideline, "detect", capture, "--detector", detector, "--bin", bin_width,
               "-o", os.path.join(work, f"{detector}.anomalies.csv"), "--scores", scores]
    if fraction < 1.0:
        command += ["--train-fraction", str(fraction)]
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    return read_scores(scores), seconds


def cell(peak, normal):
    if peak is None:
        return f"{'-':>17}"
    ratio = peak / normal if normal > 0 else float("inf")
    return f"{peak:>9.4g} ({ratio:>4.2f}x)"


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tideline", help="the tideline binary to measure")
    parser.add_argument("--baseline", help="an older tideline binary to print beside it")
    parser.add_argument("--work", help="where the capture and scores go (default: a temporary "
                        "directory); an existing capture there is reused")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--duration", type=float, default=86400)
    parser.add_argument("--rate", type=float, default=60)
    parser.add_argument("--attack-seconds", type=float, default=60)
    parser.add_argument("--attack-intensity", type=float, default=10)
    parser.add_argument("--bin", default="10s")
    parser.add_argument("--first-part", type=float, default=0.5,
                        help="the leading fraction of rows for the second training (0.5)")
    parser.add_argument("--detectors", default=",".join(DETECTORS))
    arguments = parser.parse_args()

    work = arguments.work or tempfile.mkdtemp(prefix="separation.")
    os.makedirs(work, exist_ok=True)
    capture = os.path.join(work, f"day_seed{arguments.seed}.pcap")
    truth_path = capture[:-len(".pcap")] + ".truth.csv"
    if not (os.path.exists(capture) and os.path.exists(truth_path)):
        began = time.perf_counter()
        subprocess.run([arguments.tideline, "generate", capture, "--seed", str(arguments.seed),
                        "--duration", str(arguments.duration), "--rate", str(arguments.rate),
                        "--attack-seconds", str(arguments.attack_seconds),
                        "--attack-intensity", str(arguments.attack_intensity)], check=True)
        print(f"generated in {time.perf_counter() - began:.1f} s")
    truth = read_truth(truth_path)
    bin_seconds = float(arguments.bin.rstrip("s"))
    print(f"{capture}: {arguments.duration:g} s at {arguments.rate:g} packets/s, attacks of "
          f"{arguments.attack_seconds:g} s at {arguments.attack_intensity:g}x, --bin "
          f"{arguments.bin}")
    print("peak score of each attack's bins (its ratio to the normal maximum) and the highest "
          "score of a normal bin")

    builds = [("after", arguments.tideline)]
    if arguments.baseline:
        builds.insert(0, ("before", arguments.baseline))
    header = (f"{'detector':<18}{'trained on':<12}{'build':<8}"
              + "".join(f"{kind:>18}" for kind in ATTACKS) + f"{'normal max':>12}"
              + f"{'worst':>7}{'s':>6}")
    print(header)
    for detector in arguments.detectors.split(","):
        for fraction in (1.0, arguments.first_part):
            trained = "all rows" if fraction >= 1.0 else f"first {fraction:.0%}"
            for label, binary in builds:
                scores, seconds = run_detect(binary, capture, detector, arguments.bin, fraction,
                                             work)
                peaks, normal, _ = separation(scores, truth, bin_seconds)
                ratios = [peaks[kind] / normal if normal > 0 and kind in peaks else float("nan")
                          for kind in ATTACKS]
                print(f"{detector:<18}{trained:<12}{label:<8}"
                      + "".join(cell(peaks.get(kind), normal) for kind in ATTACKS)
                      + f"{normal:>12.4g}{min(ratios):>6.2f}x{seconds:>6.1f}", flush=True)


if __name__ == "__main__":
    main()
