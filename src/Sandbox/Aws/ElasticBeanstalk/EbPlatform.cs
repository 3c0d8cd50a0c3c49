namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>A platform version of the simulated catalogue.</summary>
internal sealed record EbPlatform(
    string Arn,
    string SolutionStackName,
    string BranchName,
    string Version,
    string Category,
    string LanguageName,
    string LanguageVersion,
    string BranchLifecycleState);
