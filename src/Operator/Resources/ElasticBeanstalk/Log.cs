using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>Elastic Beanstalk manager log messages: names, ids and option keys only, never option values.</summary>
internal static partial class Log
{
    [LoggerMessage(5101, LogLevel.Information, "EB application {ApplicationName} created")]
    public static partial void ApplicationCreated(ILogger logger, string applicationName);

    [LoggerMessage(5102, LogLevel.Information, "EB application {ApplicationName}: version lifecycle updated ({Fields})")]
    public static partial void ApplicationLifecycleUpdated(ILogger logger, string applicationName, string fields);

    [LoggerMessage(5103, LogLevel.Information, "EB application {ApplicationName} deleted")]
    public static partial void ApplicationDeleted(ILogger logger, string applicationName);

    [LoggerMessage(5104, LogLevel.Information, "EB application {ApplicationName} tagged as ebops-owned (adopted: {Adopted})")]
    public static partial void ApplicationTagged(ILogger logger, string applicationName, bool adopted);

    [LoggerMessage(5111, LogLevel.Information, "EB configuration template {ApplicationName}/{TemplateName} created on {Platform}")]
    public static partial void TemplateCreated(ILogger logger, string applicationName, string templateName, string platform);

    [LoggerMessage(5112, LogLevel.Information, "EB configuration template {ApplicationName}/{TemplateName} updated: {Options}")]
    public static partial void TemplateUpdated(ILogger logger, string applicationName, string templateName, string options);

    [LoggerMessage(5113, LogLevel.Information, "EB configuration template {ApplicationName}/{TemplateName} deleted")]
    public static partial void TemplateDeleted(ILogger logger, string applicationName, string templateName);

    [LoggerMessage(5114, LogLevel.Debug, "EB option catalogue of {Platform} loaded: {Count} options")]
    public static partial void CatalogLoaded(ILogger logger, string platform, int count);

    [LoggerMessage(5121, LogLevel.Information, "EB environment {ApplicationName}/{EnvironmentName} created from template {TemplateName} with version {VersionLabel}")]
    public static partial void EnvironmentCreated(ILogger logger, string applicationName, string environmentName, string templateName, string versionLabel);

    [LoggerMessage(5122, LogLevel.Information, "EB environment {ApplicationName}/{EnvironmentName} ({EnvironmentId}) terminating")]
    public static partial void EnvironmentTerminating(ILogger logger, string applicationName, string environmentName, string environmentId);

    [LoggerMessage(5123, LogLevel.Information, "EB environments {ApplicationName}/{Source} and {Destination}: CNAMEs swapped")]
    public static partial void CnamesSwapped(ILogger logger, string applicationName, string source, string destination);

    [LoggerMessage(5131, LogLevel.Information, "EB application version {ApplicationName}/{VersionLabel} created from s3://{Bucket}/{Key}")]
    public static partial void VersionCreated(ILogger logger, string applicationName, string versionLabel, string bucket, string key);
}
