using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.ElasticBeanstalk;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>The AWS managers BeanstalkApp uses (singletons: they hold the steady-state snapshots).</summary>
internal sealed record BeanstalkAppManagers(
    ApplicationManager Applications,
    ConfigurationTemplateManager Templates,
    EnvironmentManager Environments,
    SecurityGroupManager SecurityGroups,
    EnvironmentNetworkResolver Networks);
