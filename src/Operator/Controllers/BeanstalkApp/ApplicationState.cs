using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>The EB application as observed: missing (<paramref name="Observed"/> null), to adopt, or with what differs.</summary>
internal sealed record ApplicationState(EbApplicationDesired Desired, EbApplicationObserved? Observed, bool Adopt, Delta Delta);
