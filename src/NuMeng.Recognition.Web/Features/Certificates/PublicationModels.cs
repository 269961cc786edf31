namespace NuMeng.Recognition.Web.Features.Certificates;

/// <summary>A batch whose list has been on public notice: the notice, its entries, readiness, publication and award.</summary>
public sealed record PublicationBatch(
    Guid BatchId, string BatchTitle, RecognitionKind Kind, Guid NoticeId, string NoticeTitle, DateOnly NoticePublishedOn,
    DateOnly NoticeEndsOn, IReadOnlyList<FinalListEntry> Entries, int ObjectionCount, PublicationReadinessResult Readiness,
    PublishedDocument? Publication)
{
    /// <summary>Entries still on the list (not removed after an objection, not struck at the credit re-check).</summary>
    public IReadOnlyList<FinalListEntry> FinalList => Entries.Where(e => e.OnFinalList).ToList();

    /// <summary>Published, waiting for the award (授牌).</summary>
    public int AwaitingAward => Entries.Count(e => e.State == ApplicationState.Published);

    /// <summary>Whether the 行文公布 form is shown.</summary>
    public bool CanPublish => Publication is null && Entries.Any(e => e.State == ApplicationState.InPublicNotice);
}

/// <summary>One entry of the notice with where its application stands now.</summary>
public sealed record FinalListEntry(Guid ApplicationId, int Order, string EnterpriseName, string WorkshopOrFactoryName,
    string LeagueCode, ApplicationState State, Guid? CertificateId, string? CertificateNumber)
{
    /// <summary>False once an upheld objection removed it (异议成立) or it was not selected (信用复核).</summary>
    public bool OnFinalList => State is not (ApplicationState.RemovedAfterObjection or ApplicationState.NotSelected);
}

/// <summary>行文公布: the official document.</summary>
public sealed record PublishedDocument(Guid Id, string DocumentNumber, string Title, DateOnly PublishedOn);

/// <summary>The 行文公布 form.</summary>
/// <param name="DocumentNumber">文号, e.g. 内工信数字字〔2026〕12号.</param>
/// <param name="Title">The document's title.</param>
/// <param name="PublishedOn">成文/发布日期: after the notice period, not in the future.</param>
/// <param name="CreditRechecked">The declaration that credit was re-checked at the end of the notice (docs/rule-reference.md §9).</param>
/// <param name="CreditNote">How it was checked (e.g. 信用中国 查询日期), and why an entry is struck.</param>
/// <param name="CreditFailures">Entries whose re-check found serious dishonesty or a major accident: not selected.</param>
public sealed record PublicationInput(string? DocumentNumber, string? Title, DateOnly? PublishedOn, bool CreditRechecked,
    string? CreditNote, IReadOnlyList<Guid> CreditFailures)
{
    public const int MaxNote = 1000;

    /// <summary>Field errors in Chinese (field names as the form posts them).</summary>
    public IReadOnlyList<InputError> Validate(DateOnly noticeEndsOn, DateOnly today)
    {
        var errors = new List<InputError>();
        if (string.IsNullOrWhiteSpace(DocumentNumber))
        {
            errors.Add(new("documentNumber", "请填写公布文件的文号，如 内工信数字字〔2026〕12号"));
        }
        else if (DocumentNumber.Trim().Length > 100)
        {
            errors.Add(new("documentNumber", "文号不能超过 100 个字"));
        }
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add(new("title", "请填写公布文件的标题"));
        }
        else if (Title.Trim().Length > 200)
        {
            errors.Add(new("title", "标题不能超过 200 个字"));
        }
        if (PublishedOn is not { } on)
        {
            errors.Add(new("publishedOn", "请填写公布日期"));
        }
        else if (on <= noticeEndsOn)
        {
            errors.Add(new("publishedOn", $"公布日期应在公示期届满（{ChineseDates.Format(noticeEndsOn)}）之后"));
        }
        else if (on > today)
        {
            errors.Add(new("publishedOn", $"公布日期不能晚于今天（{ChineseDates.Format(today)}）"));
        }
        if (!CreditRechecked)
        {
            errors.Add(new("creditRechecked", "请确认已在公示期满时复核入选企业的信用记录（严重失信主体名单、重大安全环保质量事故）"));
        }
        var note = CreditNote?.Trim() ?? string.Empty;
        if (note.Length > MaxNote)
        {
            errors.Add(new("creditNote", $"复核说明不能超过 {MaxNote} 个字"));
        }
        if (CreditFailures.Count > 0 && note.Length == 0)
        {
            errors.Add(new("creditNote", "有企业信用复核未通过时，请在复核说明中写明查实的情况"));
        }
        return errors;
    }
}
