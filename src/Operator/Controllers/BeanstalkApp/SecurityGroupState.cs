using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>The app's security group as observed: missing (<paramref name="Observed"/> null), to adopt, or with what differs.</summary>
internal sealed record SecurityGroupState(SecurityGroupDesired Desired, SecurityGroupObserved? Observed, bool Adopt, Delta Delta);
