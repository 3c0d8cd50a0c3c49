using System.ComponentModel;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

/// <summary>The part of status every ebops kind shares. Each kind's status derives from it.</summary>
public class ResourceStatus
{
    /// <summary>The metadata.generation the controller last acted on (kstatus).</summary>
    [Description("The metadata.generation the controller last reconciled.")]
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>Ready, Reconciling, Stalled and Synced, each with its observedGeneration.</summary>
    [Description("Ready, Reconciling, Stalled and Synced conditions, each with its observedGeneration.")]
    [ListMapKeys("type")]
    [JsonPropertyName("conditions")]
    public List<Condition>? Conditions { get; set; }

    /// <summary>
    /// Written by the runtime with Stalled=True: a fingerprint of the resourceVersions of the objects the resource
    /// referenced when it stalled. While it and metadata.generation are unchanged the stall holds, across restarts.
    /// </summary>
    [Description("While Stalled: a fingerprint of the objects this resource referenced when it stalled; a change to any of them retries it.")]
    [JsonPropertyName("stalledReferences")]
    public string? StalledReferences { get; set; }
}

/// <summary>Identifies the primary AWS object behind a resource (ACK's ResourceMetadata).</summary>
[Description("The primary AWS object this resource manages.")]
public sealed class AwsResourceMetadata
{
    [Description("ARN of the primary AWS object.")]
    [JsonPropertyName("arn")]
    public string? Arn { get; set; }

    [Description("AWS region of the object.")]
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    [Description("AWS account that owns the object.")]
    [JsonPropertyName("ownerAccountId")]
    public string? OwnerAccountId { get; set; }
}
