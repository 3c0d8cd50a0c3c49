namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>The environments of one application that are not terminated (the unit the environment snapshot holds).</summary>
internal sealed record EbAppEnvironments(string ApplicationName, IReadOnlyList<EbEnvironment> Environments);
