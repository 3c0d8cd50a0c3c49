namespace Ebops.Operator.Resources.Rds;

/// <summary>Why RDS would refuse a DB subnet group's subnets: the index of the subnet at fault (null: the list as a whole) and what is wrong.</summary>
public sealed record SubnetGroupProblem(int? Index, string Message);
