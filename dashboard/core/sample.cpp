#include "sample.h"

namespace mm {

void registerSampleMetaTypes()
{
    qRegisterMetaType<SampleBatchPtr>();
    qRegisterMetaType<GatewayAlertBatchPtr>();
}

} // namespace mm
