using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Data.Recognition;

/// <summary>
/// 公示 (管理办法: 5 days). Public: anyone may read it. The end date is computed by the domain's holiday calendar from the
/// published date, length and unit, and stored as computed — never typed (DOMAIN.md §5 "Periods").
/// </summary>
public sealed class PublicNotice : Entity
{
    public Guid BatchId { get; set; }

    public string Title { get; set; } = string.Empty;

    public DateOnly PublishedOn { get; set; }

    public int PeriodLength { get; set; }

    public PeriodUnit PeriodUnit { get; set; }

    /// <summary>Computed last day of the period (inclusive).</summary>
    public DateOnly EndsOn { get; set; }

    public PublicNoticeState State { get; set; }

    /// <summary>Where objections are received (address, phone), as published.</summary>
    public string? ObjectionContact { get; set; }

    public List<PublicNoticeEntry> Entries { get; set; } = [];
}

/// <summary>One application listed on a notice, with the names as published.</summary>
public sealed class PublicNoticeEntry : Entity
{
    public Guid PublicNoticeId { get; set; }

    public Guid ApplicationId { get; set; }

    public int Order { get; set; }

    public string EnterpriseName { get; set; } = string.Empty;

    public string WorkshopOrFactoryName { get; set; } = string.Empty;

    public string LeagueCode { get; set; } = string.Empty;
}
