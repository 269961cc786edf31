namespace NuMeng.Recognition.Web.Features.Notifications;

/// <summary>What one run of <see cref="DeadlineReminders.SendDueAsync"/> did.</summary>
/// <param name="Deadlines">Deadlines reminded of in this run (each only once, ever).</param>
/// <param name="Notifications">Notifications written.</param>
public sealed record ReminderRun(int Deadlines, int Notifications);

/// <summary>
/// Deadline reminders ("deadline in 3 days"): 申报截止前 3 天 to enterprises whose application in the batch is
/// still a draft or was returned; 初审截止前 3 天 to the reviewers and leaders of every bureau that still has submitted
/// applications of the batch waiting. Run at start-up and daily (<see cref="DeadlineReminderService"/>); safe to run any
/// number of times: each deadline is reminded of once, recorded in the audit log under a key
/// (<c>application-deadline:{batch}:{date}</c>, <c>review-deadline:{batch}:{date}</c>) that the next run finds. A run
/// that missed the third day (the portal was down) still reminds on the second, first or last day; a moved deadline is a
/// new date and is reminded of again.
/// </summary>
public sealed class DeadlineReminders(NotificationRecipients recipients, IAuditLog audit)
{
    /// <summary>Days before a deadline when the reminder goes out ("前 3 天").</summary>
    public const int LeadDays = 3;

    public const string AuditAction = "notification.deadline-reminder";

    /// <summary>Sends the reminders due on <paramref name="today"/> (Beijing date) that were not sent before.</summary>
    public async Task<ReminderRun> SendDueAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var db = recipients.CreateSystemContext("截止提醒");
        var horizon = today.AddDays(LeadDays);
        var deadlines = 0;
        var sent = 0;

        var closing = await db.Batches.AsNoTracking()
            .Where(b => b.State == BatchState.Open && b.ApplicationClosesOn >= today && b.ApplicationClosesOn <= horizon)
            .ToListAsync(cancellationToken);
        foreach (var batch in closing)
        {
            var key = $"application-deadline:{batch.Id:D}:{batch.ApplicationClosesOn:yyyy-MM-dd}";
            if (await AlreadySentAsync(db, key, cancellationToken))
            {
                continue;
            }
            var open = await db.Applications.AsNoTracking()
                .Where(a => a.BatchId == batch.Id && ApplicationStages.EditableByEnterprise.Contains(a.State))
                .Select(a => new { a.Id, a.EnterpriseId, a.WorkshopOrFactoryName, a.State })
                .ToListAsync(cancellationToken);
            var count = 0;
            foreach (var a in open)
            {
                var text = $"申报截止提醒：“{batch.Title}”将于{ChineseDates.Format(batch.ApplicationClosesOn)}截止申报{Left(today, batch.ApplicationClosesOn)}，"
                    + $"您的申报“{Name(a.WorkshopOrFactoryName)}”"
                    + (a.State == ApplicationState.Returned ? "已退回修改，请修改后重新提交。" : "尚未提交，请在截止前提交。");
                foreach (var user in await NotificationRecipients.UsersOfAsync(db, a.EnterpriseId, [ActorRole.EnterpriseApplicant], cancellationToken))
                {
                    NotificationService.Add(db, user, text, $"/applications/{a.Id:D}");
                    count++;
                }
            }
            await audit.AppendAsync(db, new AuditEvent(AuditAction, "Batch", key,
                new { deadline = "申报截止", date = batch.ApplicationClosesOn, applications = open.Count, notifications = count }), cancellationToken);
            deadlines++;
            sent += count;
        }

        var reviewing = await db.Batches.AsNoTracking()
            .Where(b => b.BureauReviewDeadline != null && b.BureauReviewDeadline >= today && b.BureauReviewDeadline <= horizon)
            .ToListAsync(cancellationToken);
        foreach (var batch in reviewing)
        {
            var deadline = batch.BureauReviewDeadline!.Value;
            var key = $"review-deadline:{batch.Id:D}:{deadline:yyyy-MM-dd}";
            if (await AlreadySentAsync(db, key, cancellationToken))
            {
                continue;
            }
            var waiting = await db.Applications.AsNoTracking()
                .Where(a => a.BatchId == batch.Id && a.State == ApplicationState.Submitted)
                .GroupBy(a => a.LeagueCode)
                .Select(g => new { League = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var count = 0;
            foreach (var league in waiting)
            {
                var bureaus = await db.Organisations.AsNoTracking()
                    .Where(o => o.Kind == OrganisationKind.Bureau && o.LeagueCode == league.League)
                    .Select(o => o.Id).ToListAsync(cancellationToken);
                var text = $"初审截止提醒：“{batch.Title}”的盟市初审将于{ChineseDates.Format(deadline)}截止{Left(today, deadline)}，"
                    + $"本盟市尚有 {league.Count} 件申报待初审。";
                foreach (var bureau in bureaus)
                {
                    foreach (var user in await NotificationRecipients.UsersOfAsync(db, bureau,
                        [ActorRole.BureauReviewer, ActorRole.BureauLeader], cancellationToken))
                    {
                        NotificationService.Add(db, user, text, $"/review?batch={batch.Id:D}&state={ApplicationState.Submitted}");
                        count++;
                    }
                }
            }
            await audit.AppendAsync(db, new AuditEvent(AuditAction, "Batch", key,
                new { deadline = "初审截止", date = deadline, leagues = waiting.Count, notifications = count }), cancellationToken);
            deadlines++;
            sent += count;
        }
        return new ReminderRun(deadlines, sent);
    }

    private static Task<bool> AlreadySentAsync(RecognitionDbContext db, string key, CancellationToken cancellationToken) =>
        db.AuditEntries.AnyAsync(e => e.Action == AuditAction && e.EntityId == key, cancellationToken);

    private static string Left(DateOnly today, DateOnly deadline)
    {
        var days = deadline.DayNumber - today.DayNumber;
        return days == 0 ? "（今天截止）" : $"（还剩 {days} 天）";
    }

    private static string Name(string name) => string.IsNullOrWhiteSpace(name) ? "未命名" : name;
}
