using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Features.Applications;
using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Infrastructure.Attachments;
using NuMeng.Recognition.Web.Features.Batches;

namespace NuMeng.Recognition.Web.Features.ExpertDesk;

/// <summary>The on-site page's data: the checklist of the frozen version, the panel's row (if any) and the photos.</summary>
public sealed record OnSiteCase(
    ExpertAssignmentRow Row,
    string PanelName,
    OnSiteChecklist Checklist,
    OnSiteCheck? Check,
    IReadOnlyList<OnSitePhoto> Photos)
{
    public bool IsLeader => Row.Role == PanelRole.Leader;

    public bool Locked => Check?.SubmittedAt is not null;

    /// <summary>The leader may fill it in while the application is 现场核查中 and the row is not submitted.</summary>
    public bool Editable => IsLeader && !Locked && Row.ApplicationState == ApplicationState.OnSiteVerification;

    public OnSiteCheckItem? Answer(string key) => Check?.Items.FirstOrDefault(i => i.ItemKey == key);
}

/// <summary>A photo chosen in the form for one checklist item.</summary>
public sealed record OnSitePhotoUpload(string ItemKey, Stream Content, string FileName);

/// <summary>
/// 现场核查: the panel leader records the on-site check of an application in 现场核查中 — an answer and note per checklist
/// item with photos (JPEG/PNG through <see cref="IAttachmentStore"/>, item key <c>onsite:&lt;key&gt;</c>), a conclusion
/// and passed yes/no — as a draft, then submitted (locked: OnSiteCheck is an ILockableRow). Members of the panel view it.
/// Photos are filed under the organisation running the review (the entrusted agency, else the department), so both read
/// them through their own tenancy filters; the panel reads them through <see cref="UnfilteredQueries.OnSitePhotosForExpertAsync"/>.
/// </summary>
public sealed class OnSiteService(
    IDbContextFactory<RecognitionDbContext> factory, IAuditLog audit, IAttachmentStore store, NotificationService notifications, TimeProvider clock)
{
    private static readonly HashSet<string> PhotoTypes = ["image/jpeg", "image/png"];
    private static readonly HashSet<string> PhotoExtensions = [".jpg", ".jpeg", ".png"];

    /// <summary>The calling expert's on-site view of an assignment; null when not theirs or not cleared (no conflict declared).</summary>
    public async Task<OnSiteCase?> LoadAsync(Guid assignmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var start = await ExpertDeskService.StartAsync(db, assignmentId, cancellationToken);
        if (start is not (_, { } assignment, null) || !ExpertDeskStates.Cleared(assignment))
        {
            return null;
        }
        return await BuildAsync(db, assignment, cancellationToken);
    }

    /// <summary>Saves (or with <paramref name="submit"/> submits and locks) the panel's on-site check; leader only.</summary>
    public async Task<ExpertOutcome> SaveAsync(Guid assignmentId, Guid? expectedStamp, OnSiteChecklistResult input,
        IReadOnlyList<OnSitePhotoUpload> photos, bool submit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(photos);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var start = await ExpertDeskService.StartAsync(db, assignmentId, cancellationToken);
        if (start is not ({ } expert, { } assignment, null))
        {
            return start.Stop!;
        }
        if (!ExpertDeskStates.Cleared(assignment))
        {
            return ExpertOutcome.Refused(assignment.DeclaredAt is null ? ScoreSheetService.UndeclaredRefusal : "您已回避该申报的评审，不能填写现场核查");
        }
        if (assignment.Role != PanelRole.Leader)
        {
            return ExpertOutcome.Refused("现场核查结果由评审组组长填写和提交，组员可以查看");
        }
        var view = await BuildAsync(db, assignment, cancellationToken);
        if (view.Locked)
        {
            return submit ? ExpertOutcome.AlreadyDone("现场核查结果已提交，无需重复提交") : ExpertOutcome.Refused("现场核查结果已提交，不能修改");
        }
        if (view.Row.ApplicationState != ApplicationState.OnSiteVerification)
        {
            return ExpertOutcome.Refused("该申报当前不在现场核查阶段");
        }
        var check = view.Check is null ? null : await db.OnSiteChecks.FirstAsync(c => c.Id == view.Check.Id, cancellationToken);
        if (check?.ConcurrencyStamp != expectedStamp && !(check is null && expectedStamp is null))
        {
            return ExpertOutcome.Conflict(ConcurrencyConflict.Message);
        }
        var errors = input.Validate(view.Checklist, submit).ToList();
        foreach (var photo in photos)
        {
            var index = view.Checklist.Items.ToList().FindIndex(i => i.Key == photo.ItemKey);
            if (index < 0 || !PhotoExtensions.Contains(Path.GetExtension(photo.FileName).ToLowerInvariant()))
            {
                errors.Add(new($"items[{Math.Max(index, 0)}].photo", $"照片“{photo.FileName}”只能是 JPG 或 PNG 图片"));
            }
        }
        if (errors.Count > 0)
        {
            return ExpertOutcome.Invalid(errors);
        }

        var owner = await db.Batches.Where(b => b.Id == assignment.BatchId).Select(b => b.EntrustedAgencyId).FirstOrDefaultAsync(cancellationToken) ?? WellKnownIds.Department;
        var stored = new List<Attachment>();
        foreach (var photo in photos)
        {
            var index = view.Checklist.Items.ToList().FindIndex(i => i.Key == photo.ItemKey);
            var saved = await store.SaveAsync(photo.Content, photo.FileName, $"items[{index}].photo", cancellationToken);
            if (!saved.Succeeded || !PhotoTypes.Contains(saved.File!.ContentType))
            {
                return ExpertOutcome.Invalid(saved.Errors.Count > 0 ? saved.Errors : [new($"items[{index}].photo", $"照片“{photo.FileName}”只能是 JPG 或 PNG 图片")]);
            }
            var file = saved.File;
            stored.Add(new Attachment
            {
                OwnerOrganisationId = owner, ApplicationId = assignment.ApplicationId, ItemKey = OnSiteChecklist.PhotoItemKey(photo.ItemKey),
                OriginalFileName = file.OriginalFileName, StoredName = file.StoredName, ContentType = file.ContentType,
                SizeBytes = file.SizeBytes, Sha256 = file.Sha256, UploadedAt = clock.GetUtcNow(), UploadedByUserId = expert.UserId,
            });
        }
        db.Attachments.AddRange(stored);

        if (check is null)
        {
            check = new OnSiteCheck { ApplicationId = assignment.ApplicationId, ApplicationVersionId = assignment.ApplicationVersionId, PanelName = assignment.PanelName };
            db.OnSiteChecks.Add(check);
        }
        else
        {
            db.ExpectStamp(check, expectedStamp!.Value);
        }
        check.LeaderExpertId = expert.ExpertId;
        check.CheckedOn = ChinaTime.Today(clock);
        // Unanswered items of a draft are not stored (the column is yes/no): they come back unanswered.
        check.Items = [.. view.Checklist.Items
            .Select(i => (Item: i, Answer: input.Answers.FirstOrDefault(a => a.Key == i.Key)))
            .Where(x => x.Answer?.Confirmed is not null)
            .Select(x => new OnSiteCheckItem
            {
                ItemKey = x.Item.Key, Description = x.Item.Description, Confirmed = x.Answer!.Confirmed!.Value,
                Note = string.IsNullOrWhiteSpace(x.Answer.Note) ? null : x.Answer.Note.Trim(),
            })];
        check.Conclusion = input.Conclusion?.Trim() ?? string.Empty;
        check.Passed = input.Passed;
        if (submit)
        {
            check.SubmittedAt = clock.GetUtcNow();
            var message = $"“{view.Row.EnterpriseName}”的现场核查结果已由评审组组长提交：{(input.Passed == true ? "通过" : "不通过")}。";
            var link = $"/panels/{assignment.ApplicationId:D}";
            await notifications.AddForOrganisationAsync(db, WellKnownIds.Department, [ActorRole.DepartmentStaff], message, link, cancellationToken);
            if (owner != WellKnownIds.Department)
            {
                await notifications.AddForOrganisationAsync(db, owner, [ActorRole.AgencyCoordinator], message, link, cancellationToken);
            }
        }
        return await ExpertDeskService.SaveAsync(audit, db, new AuditEvent(submit ? "onsite-check.submit" : "onsite-check.draft", "OnSiteCheck",
            check.Id.ToString("D"), new { assignment.ApplicationId, passed = input.Passed, items = check.Items.Count, photos = stored.Select(s => new { s.Id, s.ItemKey, s.Sha256 }) }),
            submit ? "现场核查结果已提交并锁定，已通知工信厅和评审组织机构" : $"现场核查草稿已保存{(stored.Count > 0 ? $"，已上传 {stored.Count} 张照片" : string.Empty)}", cancellationToken);
    }

    private static async Task<OnSiteCase> BuildAsync(RecognitionDbContext db, ExpertAssignment assignment, CancellationToken cancellationToken)
    {
        var header = (await UnfilteredQueries.ExpertAssignmentHeadersAsync(db, cancellationToken)).First(h => h.AssignmentId == assignment.Id);
        var batch = await db.Batches.AsNoTracking().FirstAsync(b => b.Id == assignment.BatchId, cancellationToken);
        var submitted = await db.ExpertScores.AnyAsync(s => s.AssignmentId == assignment.Id && s.SubmittedAt != null, cancellationToken);
        var row = new ExpertAssignmentRow(assignment.Id, assignment.ApplicationId, batch.Title, header.EnterpriseName, header.Kind, assignment.Role,
            ExpertDeskStates.Of(assignment, submitted), header.State, batch.ExpertReviewDeadline);
        var json = await db.ApplicationVersions.AsNoTracking()
            .Where(v => v.ApplicationId == assignment.ApplicationId)
            .OrderBy(v => assignment.ApplicationVersionId != null && v.Id == assignment.ApplicationVersionId ? 0 : 1)
            .ThenByDescending(v => v.Number)
            .Select(v => v.ContentJson)
            .FirstOrDefaultAsync(cancellationToken);
        var content = ApplicationContent.Read(json, out _) ?? ApplicationContent.ReadDraft(json, out _);
        var checklist = OnSiteChecklist.Build(await RuleSetResolver.ForBatchAsync(db, batch, cancellationToken), header.Kind, content.Technical, content.Kpi, content.Tier);
        var check = await db.OnSiteChecks.AsNoTracking().Where(c => c.ApplicationId == assignment.ApplicationId)
            .OrderByDescending(c => c.SubmittedAt != null).ThenByDescending(c => c.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        var photos = await UnfilteredQueries.OnSitePhotosForExpertAsync(db, assignment.ApplicationId, cancellationToken);
        return new OnSiteCase(row, assignment.PanelName, checklist, check, photos);
    }

    /// <summary>Whether a file name is a photo the checklist takes (JPEG or PNG by extension; the store checks the bytes).</summary>
    public static bool IsPhotoName(string fileName) => PhotoExtensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());

    /// <summary>The inline address of an on-site photo for the panel.</summary>
    public static string PhotoUrl(Guid attachmentId) => $"/expert/photos/{attachmentId:D}";

    internal static InputError PhotoError(int index, string fileName) => new($"items[{index}].photo", $"照片“{fileName}”只能是 JPG 或 PNG 图片");
}
