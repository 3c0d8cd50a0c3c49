namespace Ebops.Operator.Aws.ElasticBeanstalk;

/// <summary>
/// Elastic Beanstalk (2010-12-01). The generated half declares one method per operation (request and response records
/// named after the API reference); this half adds the look-ups the Resources layer uses. EB describe calls return
/// empty lists for unknown names, so the Find methods return null rather than throwing. None of EB's creates take a
/// client token: callers look (Find) before they create, and treat <c>AlreadyExists</c> as "someone else created it".
/// </summary>
public partial interface IElasticBeanstalkApi
{
    /// <summary>The application, or null when it does not exist.</summary>
    Task<ApplicationDescription?> FindApplicationAsync(string applicationName, CancellationToken cancellationToken = default);

    /// <summary>The application version, or null when it does not exist.</summary>
    Task<ApplicationVersionDescription?> FindApplicationVersionAsync(string applicationName, string versionLabel, CancellationToken cancellationToken = default);

    /// <summary>The environment that is not terminated, or null when there is none.</summary>
    Task<EnvironmentDescription?> FindEnvironmentAsync(string applicationName, string environmentName, CancellationToken cancellationToken = default);
}
