// The bench-echo plugin library (see plugin_bench_echo.h).
#include "plugin_bench_echo.h"

JD_CHANNEL_PLUGIN(journeydesk::bench::BenchEchoPlugin, "bench-echo", "customer.name")
