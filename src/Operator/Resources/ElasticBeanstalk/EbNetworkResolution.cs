namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>Either the resolved network or the problem that prevents it.</summary>
public sealed record EbNetworkResolution(EbEnvironmentNetwork? Network, EbNetworkProblem? Problem);
