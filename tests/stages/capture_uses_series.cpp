// Illegal: series comes after capture in the pipeline.
#include "series/traffic.h"
