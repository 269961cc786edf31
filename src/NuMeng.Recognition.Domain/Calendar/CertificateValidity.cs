namespace NuMeng.Recognition.Domain.Calendar;

/// <summary>
/// Validity of a recognition (授牌). 管理办法 第十二条: "授牌有效期为五年，有效期自授牌之日起计算。"
/// </summary>
/// <remarks>
/// <para>
/// Does the award day count? 民法典 第二百零一条 makes the default "开始的当日不计入", but 第二百零四条 lets a rule say
/// otherwise, and "自授牌之日起计算" does: counting starts <em>on</em> the award day, which is day one (the common way a
/// five-year certificate awarded on 2026年3月10日 is dated: 2026年3月10日至2031年3月9日). Five full years have then run at
/// the end of the day before the fifth anniversary, which is the last valid day.
/// </para>
/// <para>
/// 29 February: from an award on 2024年2月29日, five full years have run only on 2029年3月1日 (on 2月28日 the 29th has not
/// yet come round), so the last valid day is 2029年2月28日 — the month-end day that 民法典 第二百零二条 names when a
/// period has no corresponding day. An award on 2024年2月28日 ends 2029年2月27日 and one on 2024年3月1日 ends 2029年2月28日,
/// so a later award never ends earlier, and no term loses a day (an award on 2027年3月1日 ends 2032年2月29日).
/// </para>
/// <para>
/// The last day is valid until its 24:00 (第二百零三条), so a recognition is expired from the day after. 第二百零三条's
/// move past a holiday does not apply: validity is a state, not a time limit for doing something.
/// </para>
/// </remarks>
public static class CertificateValidity
{
    /// <summary>管理办法 第十二条.</summary>
    public static Clause Clause { get; } = new("内蒙古自治区数字化车间和智能工厂认定管理办法", "第十二条",
        "授牌有效期为五年，有效期自授牌之日起计算。");

    /// <summary>The last valid day: the day before the <paramref name="years"/>th anniversary of the award (see remarks).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Years below 1.</exception>
    public static DateOnly ValidUntil(DateOnly awardDate, int years)
    {
        if (years < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(years), years, "有效期应至少为 1 年");
        }
        var targetYear = awardDate.Year + years;
        if (awardDate is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(targetYear))
        {
            // No 29 February in the target year: the anniversary is 1 March, the last valid day 28 February (see remarks).
            return new DateOnly(targetYear, 2, 28);
        }
        return awardDate.AddYears(years).AddDays(-1);
    }

    /// <summary>The last valid day with the validity of a rule set (第十二条: 5 years).</summary>
    public static DateOnly ValidUntil(DateOnly awardDate, ProcedureRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return ValidUntil(awardDate, rules.ValidityYears);
    }

    /// <summary>True from the day after <paramref name="validUntil"/> (the last day is valid until 24:00).</summary>
    public static bool IsExpired(DateOnly validUntil, DateOnly today) => today > validUntil;

    /// <summary>
    /// True when still valid today and the last valid day lies within <paramref name="months"/> months from today,
    /// bound included ("以内" includes the number: 民法典 第一千二百五十九条). For the reminder before expiry.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative months.</exception>
    public static bool ExpiresWithin(DateOnly validUntil, DateOnly today, int months)
    {
        if (months < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months, "月数不能为负");
        }
        return !IsExpired(validUntil, today) && validUntil <= today.AddMonths(months);
    }

    /// <summary>"有效期自2026年3月10日至2031年3月9日".</summary>
    public static string Describe(DateOnly awardDate, DateOnly validUntil) =>
        $"有效期自{ChineseDates.Format(awardDate)}至{ChineseDates.Format(validUntil)}";
}
