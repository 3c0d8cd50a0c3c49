namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// An Elastic Beanstalk application as ebops wants it. <paramref name="Lifecycle"/> null: no version lifecycle rule
/// (a rule found enabled is disabled). <paramref name="ServiceRole"/> is a role name or ARN; a name is turned into
/// the ARN of that role in the application's account, as the lifecycle configuration requires.
/// </summary>
public sealed record EbApplicationDesired(
    string Name,
    string Description,
    string ServiceRole,
    EbVersionLifecycleRule? Lifecycle,
    IReadOnlyDictionary<string, string> Tags);
