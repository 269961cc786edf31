using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Data.Applications;

/// <summary>
/// An enterprise's application (申报) in a batch. The draft is mutable; every submission freezes an
/// <see cref="ApplicationVersion"/> (ARCHITECTURE decision 6). State changes follow the domain's workflow table.
/// </summary>
public sealed class Application : Entity
{
    /// <summary>The applying enterprise (tenant owner).</summary>
    public Guid EnterpriseId { get; set; }

    public Guid BatchId { get; set; }

    public RecognitionKind Kind { get; set; }

    public ApplicationState State { get; set; }

    /// <summary>车间/工厂名称.</summary>
    public string WorkshopOrFactoryName { get; set; } = string.Empty;

    /// <summary>The form as the enterprise is filling it in (JSON, camelCase); frozen into a version on submission.</summary>
    public string CurrentDraftJson { get; set; } = "{}";

    /// <summary>Consultancy that prepared the application, if any (recognition is free; matters for expert conflicts).</summary>
    public string? ConsultancyName { get; set; }

    /// <summary>
    /// 盟市 code copied from the enterprise when the application is created, so the bureau that reviews it does not change
    /// if the enterprise later moves, and the tenancy filter needs no join.
    /// </summary>
    public string LeagueCode { get; set; } = string.Empty;

    /// <summary>Number of the latest submitted version (0 while never submitted).</summary>
    public int LatestVersionNumber { get; set; }

    public DateTimeOffset? LastSubmittedAt { get; set; }

    public List<ApplicationVersion> Versions { get; set; } = [];
}
