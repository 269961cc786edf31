using NuMeng.Recognition.Data.Common;

namespace NuMeng.Recognition.Data.Recognition;

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

    /// <summary>The enterprise user who asked for the renaming.</summary>
    public Guid? RequestedByUserId { get; set; }

    /// <summary>The bureau's opinion when it forwarded (or declined) the request.</summary>
    public string? BureauOpinion { get; set; }

    /// <summary>When the bureau forwarded the request to the department.</summary>
    public DateTimeOffset? ForwardedAt { get; set; }

    public Guid? DecidedByUserId { get; set; }
}
