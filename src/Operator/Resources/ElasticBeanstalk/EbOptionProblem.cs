namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>Why Elastic Beanstalk does not accept an option setting (unknown option, or a value it rejects).</summary>
public sealed record EbOptionProblem(EbOptionKey Key, string Message);
