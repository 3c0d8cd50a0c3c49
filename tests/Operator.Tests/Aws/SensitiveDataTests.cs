using System.Text;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Tests.Aws.Support;
using Prometheus;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Aws;

/// <summary>A master password must not leak anywhere, even when the server echoes it back in an error.</summary>
public sealed class SensitiveDataTests
{
    private const string Password = "Sup3r-Secret-Pa55word!";

    [Fact]
    public async Task Failed_create_db_instance_leaks_the_password_nowhere()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = new LoopbackAwsServer(r => ServerReply.Xml(
            $"<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>The parameter MasterUserPassword is not a valid password: {Password}</Message></Error><RequestId>r-pw</RequestId></ErrorResponse>", 400));
        var request = new CreateDBInstanceRequest
        {
            DBInstanceIdentifier = "shop-db",
            DBInstanceClass = "db.t3.micro",
            Engine = "mysql",
            MasterUsername = "admin",
            MasterUserPassword = Password,
        };

        var e = await Assert.ThrowsAsync<AwsApiException>(() =>
            new TestAws(server.Url, logs: logs).Rds.CreateDBInstanceAsync(request, TestContext.Current.CancellationToken));

        // The password did go to the server (the test would prove nothing otherwise).
        Assert.Equal(Password, server.Last.FormValue("MasterUserPassword"));

        using var metrics = new MemoryStream();
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(metrics, TestContext.Current.CancellationToken);
        var everything = new StringBuilder()
            .AppendLine(e.Message).AppendLine(e.ErrorMessage).AppendLine(e.ToString())
            .AppendLine(request.ToString())
            .AppendLine(string.Join("\n", logs.Lines))
            .AppendLine(Encoding.UTF8.GetString(metrics.ToArray()))
            .ToString();
        Assert.DoesNotContain(Password, everything);
        Assert.Contains("InvalidParameterValue", e.Message);
        Assert.Contains("***", e.ErrorMessage);
        Assert.Contains("MasterUserPassword = ***", request.ToString());
        Assert.Contains(logs.Lines, l => l.Contains("CreateDBInstance", StringComparison.Ordinal) && l.Contains("r-pw", StringComparison.Ordinal));
    }

    [Fact]
    public void Request_records_print_other_members_but_mask_sensitive_ones()
    {
        var text = new ModifyDBInstanceRequest { DBInstanceIdentifier = "db-1", MasterUserPassword = Password }.ToString();
        Assert.Contains("DBInstanceIdentifier = db-1", text);
        Assert.DoesNotContain(Password, text);
    }
}
