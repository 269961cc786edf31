namespace NuMeng.Recognition.Domain.Certificates;

/// <summary>One objection raised on the notice: its case number and whether it has been decided (upheld or dismissed).</summary>
/// <param name="CaseNumber">E.g. YY-2025-0001.</param>
/// <param name="Subject">The entry it concerns, e.g. the enterprise and workshop names.</param>
/// <param name="Decided">True once upheld or dismissed.</param>
public sealed record ObjectionStatus(string CaseNumber, string Subject, bool Decided);

/// <summary>Whether a batch's list may be published; when not, the reasons in Chinese (each a failing <see cref="Finding"/>).</summary>
public sealed record PublicationReadinessResult(IReadOnlyList<Finding> Findings)
{
    /// <summary>True when every finding passes.</summary>
    public bool IsReady => Findings.All(f => f.Passed);

    /// <summary>The explanations of the failing findings.</summary>
    public IReadOnlyList<string> Reasons => Findings.Where(f => !f.Passed).Select(f => f.Explanation).ToList().AsReadOnly();
}

/// <summary>
/// 行文公布 may follow the notice only when the period has ended and nothing is left open. 管理办法 第八条: "经厅党组会审议通过后，
/// 向社会公示，公示期 5 天，无异议后行文公布。" The period has ended on the day after its computed last day (民法典 第二百零三条:
/// the last day runs to 24:00; <see cref="NoticePeriodResult.HasEnded"/>), and "无异议" is read as: every objection raised is
/// decided — an upheld one removes its entry (异议成立), a dismissed one leaves it (docs/rule-reference.md §9 "Objections").
/// </summary>
public static class PublicationReadiness
{
    /// <summary>管理办法 第八条.</summary>
    public static Clause Clause { get; } = new("内蒙古自治区数字化车间和智能工厂认定管理办法", "第八条",
        "经厅党组会审议通过后，向社会公示，公示期 5 天，无异议后行文公布。");

    /// <summary>Checks a notice ending on <paramref name="noticeEndsOn"/> (its computed last day) with its objections on <paramref name="today"/>.</summary>
    public static PublicationReadinessResult Check(DateOnly noticeEndsOn, DateOnly today, IReadOnlyList<ObjectionStatus> objections)
    {
        ArgumentNullException.ThrowIfNull(objections);
        var ended = today > noticeEndsOn;
        var findings = new List<Finding>
        {
            new("publication.notice-ended", "公示期届满", ended ? Outcome.Pass : Outcome.Fail, Clause,
                $"公示期最后一日（{ChineseDates.Format(noticeEndsOn)}）24时后",
                $"今天是{ChineseDates.Format(today)}",
                ended
                    ? $"公示期已于{ChineseDates.Format(noticeEndsOn)}届满。"
                    : $"公示期至{ChineseDates.Format(noticeEndsOn)}24时止，{ChineseDates.Format(noticeEndsOn.AddDays(1))}起方可行文公布。"),
        };
        var open = objections.Where(o => !o.Decided).ToList();
        findings.Add(new("publication.objections-decided", "异议均已处理完毕", open.Count == 0 ? Outcome.Pass : Outcome.Fail, Clause,
            "每件异议均已作出成立或不成立的决定",
            objections.Count == 0 ? "未收到异议" : $"共 {objections.Count} 件，未办结 {open.Count} 件",
            open.Count == 0
                ? (objections.Count == 0 ? "公示期间未收到异议。" : "公示期间收到的异议均已办结。")
                : "尚有异议未办结：" + string.Join("；", open.Select(o => $"{o.CaseNumber}（{o.Subject}）")) + "。"));
        return new PublicationReadinessResult(findings.AsReadOnly());
    }
}
