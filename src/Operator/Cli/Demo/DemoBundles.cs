using System.IO.Compression;
using System.Text;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// The application bundles the demo releases, shaped like a Java app's Elastic Beanstalk source bundle (the jar, a
/// Procfile that starts it, an .ebextensions config), stored in the simulator's S3 where the sample release points.
/// </summary>
internal static class DemoBundles
{
    /// <summary>The bundle of <paramref name="label"/> as zip bytes.</summary>
    public static byte[] Build(string label)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "myapp.jar", $"placeholder for the application jar, version {label}\n");
            Add(zip, "Procfile", "web: java -Duser.timezone=Asia/Seoul -jar myapp.jar --server.port=5000\n");
            Add(zip, ".ebextensions/01-timezone.config", "commands:\n  01_timezone:\n    command: timedatectl set-timezone Asia/Seoul\n");
        }

        return buffer.ToArray();
    }

    /// <summary>The S3 key of <paramref name="label"/>'s bundle, following the sample's key for <paramref name="sampleLabel"/>.</summary>
    public static string KeyOf(string sampleKey, string sampleLabel, string label) => sampleKey.Replace(sampleLabel, label, StringComparison.Ordinal);

    /// <summary>Stores each label's bundle in <paramref name="bucket"/>; returns the <c>s3://</c> URLs.</summary>
    public static IReadOnlyList<string> Seed(ISimObjectStore s3, string bucket, string sampleKey, string sampleLabel, IEnumerable<string> labels)
    {
        s3.CreateBucket(bucket);
        var urls = new List<string>();
        foreach (var label in labels)
        {
            var key = KeyOf(sampleKey, sampleLabel, label);
            s3.PutObject(bucket, key, Build(label), "application/zip");
            urls.Add($"s3://{bucket}/{key}");
        }

        return urls;
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
