// Legal: capture uses common.
#include "capture/packet.h"
#include "common/timeutil.h"
