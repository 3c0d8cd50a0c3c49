using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube;
using k8s;

namespace Ebops.Sandbox.Tests.Kube;

/// <summary>A running emulator with a KubernetesClient and a raw HttpClient pointed at it.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    public const string Group = "test.ebops.io";
    public const string Version = "v1";
    public const string Plural = "widgets";

    private EmulatorHarness(KubeApiEmulator emulator)
    {
        Emulator = emulator;
        Client = new Kubernetes(new KubernetesClientConfiguration { Host = emulator.BaseAddress.ToString() });
        Http = new HttpClient { BaseAddress = emulator.BaseAddress };
    }

    public KubeApiEmulator Emulator { get; }

    public Kubernetes Client { get; }

    public HttpClient Http { get; }

    public static async Task<EmulatorHarness> StartAsync(KubeEmulatorOptions? options = null, bool withCrd = true)
    {
        var emulator = await KubeApiEmulator.StartAsync(options ?? new KubeEmulatorOptions(), TestContext.Current.CancellationToken);
        var harness = new EmulatorHarness(emulator);
        if (withCrd)
        {
            await harness.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(
                KubernetesJson.Deserialize<k8s.Models.V1CustomResourceDefinition>(TestCrds.Widget), cancellationToken: TestContext.Current.CancellationToken);
        }
        return harness;
    }

    public static JsonObject Widget(string name, int size = 3, string? ns = "default") => new()
    {
        ["apiVersion"] = $"{Group}/{Version}",
        ["kind"] = "Widget",
        ["metadata"] = ns is null ? new JsonObject { ["name"] = name } : new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject { ["size"] = size },
    };

    public static string WidgetsPath(string ns = "default") => $"/apis/{Group}/{Version}/namespaces/{ns}/{Plural}";

    public async Task<(int Status, JsonObject Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, JsonNode? body = null, string contentType = "application/json", string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, JsonNode.Parse(text) as JsonObject ?? [], response);
    }

    public async Task<JsonObject> CreateWidgetAsync(string name, int size = 3, string ns = "default")
    {
        var (status, body, _) = await SendAsync(HttpMethod.Post, WidgetsPath(ns), Widget(name, size, ns));
        Assert.Equal(201, status);
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
