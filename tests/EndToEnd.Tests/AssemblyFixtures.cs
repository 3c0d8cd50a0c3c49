// One cluster for the kubectl suite: EBOPS_TEST_KUBECONFIG's, or an in-process emulator (see KubeTarget).
[assembly: AssemblyFixture(typeof(Ebops.Tests.Shared.KubeTarget))]
