using NuMeng.Recognition.Data.Common;

namespace NuMeng.Recognition.Data.Recognition;

/// <summary>State of a rename request.</summary>
public enum RenameRequestState
{
    Submitted,
    Approved,
    Rejected,
}

/// <summary>
/// 更名: after renaming or restructuring, the league/city bureau applies to the department for the name change
/// (管理办法 第四章).
/// </summary>
public sealed class RenameRequest : Entity
{
    public Guid CertificateId { get; set; }

    public Guid ApplicationId { get; set; }

    public Guid RequestedByBureauId { get; set; }

    public string PreviousName { get; set; } = string.Empty;

    public string NewName { get; set; } = string.Empty;

    public string? NewCreditCode { get; set; }

    public string Reason { get; set; } = string.Empty;

    public RenameRequestState State { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecisionNote { get; set; }
}
