using System.CommandLine;
using Ebops.Operator.Cli;

// Composition root: every verb is one file under Cli/, each returning its Command.
var root = new RootCommand("ebops: GitOps blue/green releases for AWS Elastic Beanstalk, driven by Kubernetes custom resources.");
foreach (var command in Verbs.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
