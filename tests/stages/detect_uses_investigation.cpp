// Illegal: detectors know nothing of anomalies, only of rows and scores.
#include "investigation/anomaly.h"
