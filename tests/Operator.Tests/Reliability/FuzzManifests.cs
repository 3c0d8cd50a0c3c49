using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Operator.Tests.Controllers.Support.Release;
using k8s;

namespace Ebops.Operator.Tests.Reliability;

/// <summary>
/// The objects of one fuzz case, named after its prefix so cases share a world without sharing AWS objects: the
/// changed kind's manifest and the unchanged objects it needs (an app for a frontend; an app and a frontend for a
/// release). The database allows 3306 from a CIDR instead of from an app, so it can become Ready alone.
/// </summary>
internal static class FuzzManifests
{
    public static IReadOnlyList<(string Kind, JsonObject Manifest)> Of(FuzzCase c)
    {
        var p = c.Prefix;
        var app = ReleaseSamples.BeanstalkApp();
        app.Metadata.Name = app.Spec.ApplicationName = p + "-app";
        var frontend = ReleaseSamples.NlbFrontend();
        frontend.Metadata.Name = p + "-fe";
        frontend.Spec.BackendRef.Name = app.Metadata.Name;
        return c.Kind switch
        {
            RdsDatabase.KindName => [(c.Kind, Json(Database(p)))],
            BeanstalkApp.KindName => [(c.Kind, Json(app))],
            NlbFrontend.KindName => [(BeanstalkApp.KindName, Json(app)), (c.Kind, Json(frontend))],
            _ => [(BeanstalkApp.KindName, Json(app)), (NlbFrontend.KindName, Json(frontend)), (c.Kind, Json(Release(p, app, frontend)))],
        };
    }

    private static RdsDatabase Database(string p)
    {
        var db = ReleaseSamples.RdsDatabase();
        db.Metadata.Name = db.Spec.Identifier = p + "-db";
        db.Spec.MasterPassword.SecretRef.Name = p + "-db-master";
        db.Spec.Network!.SecurityGroup!.Ingress = [new() { Port = 3306, FromCidr = "203.0.113.0/24" }];
        return db;
    }

    private static BlueGreenRelease Release(string p, BeanstalkApp app, NlbFrontend frontend)
    {
        var release = ReleaseSamples.BlueGreenRelease("1.0.1");
        release.Metadata.Name = p;
        release.Spec.AppRef.Name = app.Metadata.Name;
        release.Spec.FrontendRef!.Name = frontend.Metadata.Name;
        return release;
    }

    private static JsonObject Json<T>(T entity)
        where T : ICustomResource
    {
        var meta = Ebops.Operator.Runtime.EntityMetadata.For<T>();
        var json = JsonNode.Parse(KubernetesJson.Serialize(entity))!.AsObject();
        json["apiVersion"] = $"{meta.Group}/{meta.Version}";
        json["kind"] = meta.Kind;
        json.Remove("status");
        return json;
    }
}
