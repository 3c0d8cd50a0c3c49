using System.Net;
using System.Text;
using System.Xml.Linq;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Ebops.Sandbox.Aws;
using Ebops.Sandbox.Aws.Core;
using Microsoft.Extensions.Time.Testing;

namespace Ebops.Sandbox.Tests.Aws;

/// <summary>
/// A started simulator on a FakeTimeProvider plus a client that signs with AWSSDK.Core's public SigV4 signer (independent
/// of the simulator's verifier). Requests are signed at the fake clock's time, so the skew check stays on.
/// </summary>
internal sealed class SimHost : IAsyncDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    private SimHost(AwsSimulator simulator, FakeTimeProvider time)
    {
        Simulator = simulator;
        Time = time;
    }

    public AwsSimulator Simulator { get; }

    public FakeTimeProvider Time { get; }

    public SimWorld World => Simulator.World;

    /// <summary>Every request and response the helper exchanged (for model validation).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Service, IReadOnlyDictionary<string, string> Form, int Status, string Body)> Exchanges { get; } = new();

    /// <summary>Starts a simulator.</summary>
    /// <param name="configure">Changes to the options.</param>
    /// <param name="timing">The time scale (instant by default).</param>
    /// <param name="sdkClients">AWSSDK clients sign with the real clock, so the skew check (which reads the fake clock) is turned off.</param>
    /// <param name="time">The clock (a fake one on 2026-03-01 by default; with <paramref name="sdkClients"/>, at the real time).</param>
    public static async Task<SimHost> StartAsync(Action<AwsSimulatorOptions>? configure = null, SimTiming? timing = null, bool sdkClients = false, FakeTimeProvider? time = null)
    {
        // SDK clients sign (and presign) with the real clock: start the fake clock there so expiry checks are meaningful.
        time ??= new FakeTimeProvider(sdkClients ? DateTimeOffset.UtcNow : new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var options = new AwsSimulatorOptions
        {
            TimeProvider = time,
            Timing = timing ?? SimTiming.Instant,
            MaxClockSkew = sdkClients ? null : TimeSpan.FromMinutes(15),
        };
        configure?.Invoke(options);
        var simulator = await AwsSimulator.StartAsync(options, TestContext.Current.CancellationToken);
        var host = new SimHost(simulator, time);
        simulator.World.ResponseObserver = host.Observe;
        return host;
    }

    public static AWSCredentials SandboxCredentials => new BasicAWSCredentials(SandboxNetwork.AccessKeyId, SandboxNetwork.SecretAccessKey);

    /// <summary>
    /// Signs and POSTs an Elastic Beanstalk or ELBv2 action whose request and response are checked against the service's
    /// official model; the call must succeed.
    /// </summary>
    public async Task<SimReply> OkAsync(string service, string action, params (string Key, string Value)[] parameters)
    {
        var form = parameters.ToDictionary(p => p.Key, p => p.Value);
        var model = AwsModel.Load(service switch
        {
            "elasticbeanstalk" => "elasticbeanstalk-2010-12-01",
            "elasticloadbalancing" => "elasticloadbalancingv2-2015-12-01",
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, "no model-checked calls for this service"),
        });
        model.CheckRequest(action, form, strict: true);
        var reply = await QueryAsync(service, action, form);
        Assert.True(reply.Status == 200, reply.Body);
        model.CheckResponse(action, reply.Body);
        return reply;
    }

    /// <summary>Signs and POSTs a Query form; Version defaults to the service's.</summary>
    public async Task<SimReply> QueryAsync(string service, string action, IReadOnlyDictionary<string, string>? parameters = null,
        AWSCredentials? credentials = null, Action<HttpRequestMessage>? tamper = null, DateTimeOffset? signedAt = null)
    {
        var form = new Dictionary<string, string> { ["Action"] = action, ["Version"] = SimServiceInfo.For(service).ApiVersion };
        foreach (var (key, value) in parameters ?? new Dictionary<string, string>())
        {
            form[key] = value;
        }

        var body = string.Join('&', form.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var reply = await SendAsync(service, HttpMethod.Post, Simulator.Endpoint, Encoding.UTF8.GetBytes(body),
            "application/x-www-form-urlencoded; charset=utf-8", credentials, tamper, signedAt);
        Exchanges.Enqueue((service, form, reply.Status, reply.Body));
        CheckAgainstModel(service, action, form, reply);
        return reply;
    }

    /// <summary>
    /// Well-formed calls (an operation of the model, the right Version) must conform to the official model both ways;
    /// tests that send malformed calls on purpose are left alone.
    /// </summary>
    private static void CheckAgainstModel(string service, string action, IReadOnlyDictionary<string, string> form, SimReply reply)
    {
        var model = service switch
        {
            "ec2" => AwsModel.Ec2,
            "rds" => AwsModel.Rds,
            _ => null,
        };
        if (model is null || !model.HasOperation(action) || form["Version"] != SimServiceInfo.For(service).ApiVersion)
        {
            return;
        }

        var requestErrors = model.ValidateRequest(form);
        Assert.True(requestErrors.Count == 0, string.Join("\n", requestErrors));
        if (reply.Status == 200 && model.HasOutput(action))
        {
            var responseErrors = model.ValidateResponse(action, reply.Xml);
            Assert.True(responseErrors.Count == 0, string.Join("\n", responseErrors) + "\n" + reply.Body);
        }
    }

    /// <summary>Signs and sends any request.</summary>
    public async Task<SimReply> SendAsync(string service, HttpMethod method, Uri uri, byte[]? body, string? contentType,
        AWSCredentials? credentials = null, Action<HttpRequestMessage>? tamper = null, DateTimeOffset? signedAt = null)
    {
        var signing = new AWSSigningRequest { HttpMethod = method, RequestUri = uri, Content = body ?? [] };
        if (contentType is not null)
        {
            signing.Headers["Content-Type"] = contentType;
        }

        var signed = await AWSSigV4Signer.SignAsync(signing, new AWSSigV4Parameters
        {
            Credentials = credentials ?? SandboxCredentials,
            Region = RegionEndpoint.GetBySystemName(SandboxNetwork.Region),
            Service = service,
            SignedAt = (signedAt ?? Time.GetUtcNow()).UtcDateTime,
        });
        using var message = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            message.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        foreach (var (name, value) in signed.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        tamper?.Invoke(message);
        using var response = await http.SendAsync(message, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new SimReply(response.StatusCode, text, response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>An AWSSDK.EC2 client pointed at the simulator (no retries, so errors surface at once).</summary>
    public Amazon.EC2.AmazonEC2Client Ec2Client(int maxErrorRetry = 0) => new(SandboxCredentials, new Amazon.EC2.AmazonEC2Config
    {
        ServiceURL = Simulator.Endpoint.ToString(),
        AuthenticationRegion = Simulator.Region,
        MaxErrorRetry = maxErrorRetry,
    });

    /// <summary>An AWSSDK.S3 client pointed at the simulator, path-style.</summary>
    public Amazon.S3.AmazonS3Client S3Client(int maxErrorRetry = 0) => new(SandboxCredentials, new Amazon.S3.AmazonS3Config
    {
        ServiceURL = Simulator.Endpoint.ToString(),
        AuthenticationRegion = Simulator.Region,
        ForcePathStyle = true,
        MaxErrorRetry = maxErrorRetry,
    });

    /// <summary>Model violations seen by the server-side observer (any client: raw, AWSSDK, CLI).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> ModelViolations { get; } = new();

    private void Observe(SimRequest request, SimResponse response)
    {
        var model = request.Service switch
        {
            "ec2" => AwsModel.Ec2,
            "rds" => AwsModel.Rds,
            _ => null,
        };
        if (model is null || !model.HasOperation(request.Action))
        {
            return;
        }

        var form = new Dictionary<string, string>(request.Parameters)
        {
            ["Action"] = request.Action,
            ["Version"] = SimServiceInfo.For(request.Service).ApiVersion,
        };
        foreach (var error in model.ValidateRequest(form))
        {
            ModelViolations.Enqueue("request " + error);
        }

        if (response.StatusCode == 200 && model.HasOutput(request.Action))
        {
            foreach (var error in model.ValidateResponse(request.Action, System.Xml.Linq.XElement.Parse(response.Body)))
            {
                ModelViolations.Enqueue("response " + error);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Simulator.DisposeAsync();
        Assert.True(ModelViolations.IsEmpty, "model violations:\n" + string.Join("\n", ModelViolations));
    }
}
