using Ebops.Operator.Aws.Rds;
using Ebops.Tests.Shared;

namespace Ebops.EndToEnd.Tests.Stack;

/// <summary>
/// The mission's setup as a user brings it up: the master password Secret with a password the test knows (so it can
/// scan for it), then <c>kubectl apply -k config/samples</c>, then <c>kubectl wait --for=condition=Ready</c> on the three
/// infrastructure kinds. Names are the samples'.
/// </summary>
internal static class SampleSetup
{
    public const string Database = "myapp-db";
    public const string App = "myapp";
    public const string Frontend = "myapp-frontend";
    public const string MasterSecret = "myapp-db-master";
    public const string ConnectionSecret = "myapp-db-connection";

    /// <summary>A master password no log, event, status or metric may ever show.</summary>
    public const string KnownPassword = "Kn0wn-e2e-Pa55word-7d1c94";

    public static async Task ApplyAsync(EbopsStack stack)
    {
        (await stack.KubectlAsync("create", "secret", "generic", MasterSecret, "--from-literal=password=" + KnownPassword)).EnsureSuccess("create the master Secret");
        (await stack.KubectlAsync("apply", "-k", RepoPaths.Config("samples"))).EnsureSuccess("apply -k config/samples");
    }

    /// <summary>The database, the app and the frontend of config/samples (not its release), and the three Ready.</summary>
    public static async Task ApplyInfrastructureAndWaitReadyAsync(EbopsStack stack)
    {
        (await stack.KubectlAsync("create", "secret", "generic", MasterSecret, "--from-literal=password=" + KnownPassword)).EnsureSuccess("create the master Secret");
        string[] files = ["ebops.io_v1alpha1_rdsdatabase.yaml", "ebops.io_v1alpha1_beanstalkapp.yaml", "ebops.io_v1alpha1_nlbfrontend.yaml"];
        (await stack.KubectlAsync(["apply", .. files.SelectMany(f => new[] { "-f", RepoPaths.Config("samples", f) })])).EnsureSuccess("apply the samples' infrastructure");
        await stack.WaitAsync("--for=condition=Ready", "rdsdb,ebapp,nlbf", "--all");
    }

    public static async Task ApplyAndWaitReadyAsync(EbopsStack stack)
    {
        await ApplyAsync(stack);
        await stack.WaitAsync("--for=condition=Ready", "rdsdb,ebapp,nlbf", "--all");
    }

    /// <summary>The user-set parameters of a DB parameter group, through DescribeDBParameters (every page).</summary>
    public static async Task<Dictionary<string, string?>> UserParametersAsync(IRdsApi rds, string group, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? marker = null;
        do
        {
            var page = await rds.DescribeDBParametersAsync(new DescribeDBParametersRequest { DBParameterGroupName = group, Source = "user", Marker = marker },
                cancellationToken);
            foreach (var parameter in page.Parameters ?? [])
            {
                values[parameter.ParameterName!] = parameter.ParameterValue;
            }

            marker = page.Marker;
        }
        while (marker is not null);
        return values;
    }

    /// <summary>The instance's one parameter group and its apply status.</summary>
    public static async Task<DBParameterGroupStatus> ParameterGroupAsync(IRdsApi rds, CancellationToken cancellationToken)
    {
        var instance = await rds.FindDBInstanceAsync(Database, cancellationToken) ?? throw new InvalidOperationException($"DB instance {Database} does not exist");
        return Assert.Single(instance.DBParameterGroups ?? []);
    }
}
