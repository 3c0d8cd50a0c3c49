using System.CommandLine;
using Ebops.Operator.Cli;

// Composition root: every verb is one file under Cli/, each returning its Command.
var root = new RootCommand("ebops: GitOps blue/green releases for AWS Elastic Beanstalk, driven by Kubernetes custom resources.");
foreach (var command in Verbs.All())
{
    root.Subcommands.Add(command);
}

// System.CommandLine cancels the action's token on SIGTERM/Ctrl-C and, by default, ends the process 2 s later; the
// run verb needs up to --shutdown-timeout (max 10m) to drain reconciles and release its lease.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(11) }).ConfigureAwait(false);
