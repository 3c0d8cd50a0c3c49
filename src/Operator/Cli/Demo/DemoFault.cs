namespace Ebops.Operator.Cli.Demo;

/// <summary>When the demo makes the simulator answer 500 for the candidate version.</summary>
internal enum DemoFault
{
    /// <summary>Never: 1.0.2 is healthy.</summary>
    None,

    /// <summary>Before the release starts: green never passes its health gate.</summary>
    BeforeRelease,

    /// <summary>As soon as the release is Baking: green turns bad after it took the traffic.</summary>
    WhenBaking,
}
