using Ebops.Operator.Resources.ElasticBeanstalk;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>One environment of the app as read in this pass: what EB describes, the planner's view, and its enhanced
/// health when it was read (live passes only), so the gate reuses it instead of asking again.</summary>
internal sealed record EnvironmentSnapshot(EbEnvironment Environment, EnvironmentView View, EbEnvironmentHealth? Health);
