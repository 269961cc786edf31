using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Features.Account;

/// <summary>What an enterprise types to register (form fields <c>Input.*</c>).</summary>
public sealed class RegistrationInput
{
    public string CompanyName { get; set; } = string.Empty;
    public string CreditCode { get; set; } = string.Empty;
    /// <summary>盟市 code chosen in the select; empty = "derive it from the credit code".</summary>
    public string LeagueCode { get; set; } = string.Empty;
    /// <summary><see cref="LegalStatus"/> name.</summary>
    public string LegalStatus { get; set; } = string.Empty;
    public string ParentGroupName { get; set; } = string.Empty;
    public string Industry { get; set; } = string.Empty;
    /// <summary><see cref="ManufacturingType"/> name.</summary>
    public string ManufacturingType { get; set; } = string.Empty;
    public string ContactName { get; set; } = string.Empty;
    public string ContactPhone { get; set; } = string.Empty;
    public string UserName { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public string ConfirmPassword { get; set; } = string.Empty;
}

/// <summary>Outcome of <see cref="EnterpriseRegistration.RegisterAsync"/>.</summary>
public sealed class RegistrationOutcome
{
    /// <summary>Errors by field name (<c>CreditCode</c>, …), each a sentence that starts with the field's label.</summary>
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The 盟市 read from the credit code, when it could be.</summary>
    public Region? DerivedLeague { get; set; }

    /// <summary>True when the league was filled in from the code and the user must confirm it by submitting again.</summary>
    public bool ConfirmLeague { get; set; }

    /// <summary>The new account, when created.</summary>
    public AppUser? User { get; set; }

    public void Add(string field, string message)
    {
        if (!Errors.TryGetValue(field, out var list))
        {
            Errors[field] = list = [];
        }
        list.Add(message);
    }
}

/// <summary>
/// Enterprise self-registration ("Enterprises self-register with their credit code (validated by the domain)"):
/// checks the form with the domain's <see cref="CreditCode"/> and <see cref="InnerMongoliaRegions"/>, derives the 盟市 and
/// lets the enterprise confirm or change it (a change is recorded: <see cref="Organisation.LeagueConfirmed"/> false and
/// both codes in the audit entry), refuses a credit code already registered (<see cref="UnfilteredQueries.CreditCodeTakenAsync"/>),
/// and creates the organisation and its first 企业申报人 in one transaction with its audit entry.
/// </summary>
public sealed partial class EnterpriseRegistration(
    RecognitionDbContext db,
    UserManager<AppUser> users,
    IAuditLog audit,
    TimeProvider clock)
{
    /// <summary>Field labels, as the form shows them; every error message starts with one.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        [nameof(RegistrationInput.CompanyName)] = "企业名称",
        [nameof(RegistrationInput.CreditCode)] = "统一社会信用代码",
        [nameof(RegistrationInput.LeagueCode)] = "所属盟市",
        [nameof(RegistrationInput.LegalStatus)] = "法人类型",
        [nameof(RegistrationInput.ParentGroupName)] = "所属法人单位或集团",
        [nameof(RegistrationInput.Industry)] = "所属行业",
        [nameof(RegistrationInput.ManufacturingType)] = "制造类型",
        [nameof(RegistrationInput.ContactName)] = "联系人",
        [nameof(RegistrationInput.ContactPhone)] = "联系电话",
        [nameof(RegistrationInput.UserName)] = "用户名",
        [nameof(RegistrationInput.Password)] = "密码",
        [nameof(RegistrationInput.ConfirmPassword)] = "确认密码",
    };

    public async Task<RegistrationOutcome> RegisterAsync(RegistrationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outcome = new RegistrationOutcome();
        // Every message names its field: "统一社会信用代码：校验码错误…"; a message that already says it ("密码至少需要 8 个字符") is kept.
        void Error(string field, string message) =>
            outcome.Add(field, message.Contains(Labels[field], StringComparison.Ordinal) ? message : $"{Labels[field]}：{message}");

        var name = input.CompanyName.Trim();
        if (name.Length == 0)
        {
            Error(nameof(input.CompanyName), "请填写营业执照上的企业名称");
        }
        else if (name.Length > 100)
        {
            Error(nameof(input.CompanyName), $"不能超过 100 个字符，实为 {name.Length} 个");
        }

        Region? chosen = null;
        CreditCode? code = null;
        if (!CreditCode.TryParse(input.CreditCode, out code, out var codeError))
        {
            Error(nameof(input.CreditCode), codeError);
        }
        else if (!code.IsEnterprise)
        {
            Error(nameof(input.CreditCode), $"第 1–2 位为“{code.Value[..2]}”（{code.CategoryLabel ?? code.RegistrationAuthorityLabel ?? "非企业"}），本平台受理企业（含分支机构）申报，应为“91”");
        }
        else if (!code.IsInnerMongolia)
        {
            Error(nameof(input.CreditCode), $"第 3–8 位登记机关行政区划码“{code.RegionCode}”不在内蒙古自治区（应以 15 开头），本平台受理区内企业申报");
        }
        else
        {
            input.CreditCode = code.Value;
            outcome.DerivedLeague = code.League;
            if (await UnfilteredQueries.CreditCodeTakenAsync(db, code.Value, cancellationToken))
            {
                Error(nameof(input.CreditCode), "该代码已注册。同一企业只注册一次；如需增加账户，请由本企业已注册的申报人在“企业用户”页面添加");
            }
        }

        if (input.LeagueCode.Length == 0)
        {
            if (outcome.DerivedLeague is { } derived)
            {
                // Shown and confirmable: fill the select with the derived league and ask for a second submit.
                input.LeagueCode = derived.Code;
                outcome.ConfirmLeague = true;
            }
            else if (code is { IsInnerMongolia: true })
            {
                Error(nameof(input.LeagueCode), "信用代码的登记机关为自治区本级，无法自动确定，请选择企业所在盟市");
            }
        }
        else
        {
            chosen = InnerMongoliaRegions.Leagues.FirstOrDefault(l => l.Code == input.LeagueCode);
            if (chosen is null)
            {
                Error(nameof(input.LeagueCode), $"“{input.LeagueCode}”不是内蒙古自治区的盟市");
            }
        }

        if (!Enum.TryParse<LegalStatus>(input.LegalStatus, out var legalStatus) || !Enum.IsDefined(legalStatus))
        {
            Error(nameof(input.LegalStatus), "请选择独立法人或分支机构");
        }
        else if (legalStatus == LegalStatus.Branch && input.ParentGroupName.Trim().Length == 0)
        {
            Error(nameof(input.ParentGroupName), "分支机构须填写所属法人单位名称");
        }
        if (input.Industry.Trim().Length == 0)
        {
            Error(nameof(input.Industry), "请填写所属行业（如 乳制品制造、装备制造）");
        }
        if (!Enum.TryParse<ManufacturingType>(input.ManufacturingType, out var manufacturingType) || !Enum.IsDefined(manufacturingType))
        {
            Error(nameof(input.ManufacturingType), "请选择离散型、流程型或混合型");
        }
        if (input.ContactName.Trim().Length == 0)
        {
            Error(nameof(input.ContactName), "请填写联系人姓名");
        }
        if (!PhonePattern().IsMatch(input.ContactPhone.Trim()))
        {
            Error(nameof(input.ContactPhone), "请填写 7–20 位的电话号码（数字，可含 - 和空格）");
        }

        var userName = input.UserName.Trim();
        if (!UserNamePattern().IsMatch(userName))
        {
            Error(nameof(input.UserName), "应为 3–50 个字符，只能包含字母、数字及 . _ - @");
        }
        else if (await users.FindByNameAsync(userName) is not null)
        {
            Error(nameof(input.UserName), $"“{userName}”已被使用，请换一个");
        }
        var candidate = new AppUser { UserName = userName };
        if (input.Password.Length == 0)
        {
            Error(nameof(input.Password), "请设置密码");
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, candidate, input.Password);
                foreach (var e in result.Errors)
                {
                    Error(nameof(input.Password), e.Description);
                }
            }
        }
        if (!string.Equals(input.Password, input.ConfirmPassword, StringComparison.Ordinal))
        {
            Error(nameof(input.ConfirmPassword), "两次输入的密码不一致");
        }

        if (outcome.Errors.Count > 0 || outcome.ConfirmLeague || code is null || chosen is null)
        {
            return outcome;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organisation = new Organisation
        {
            Kind = OrganisationKind.Enterprise,
            Name = name,
            CreditCode = code.Value,
            LeagueCode = chosen.Code,
            // Confirmed = the enterprise kept the league its credit code gives; a change waits for the bureau to check.
            LeagueConfirmed = chosen.Code == outcome.DerivedLeague?.Code,
            LegalStatus = legalStatus,
            ParentGroupName = legalStatus == LegalStatus.Branch ? input.ParentGroupName.Trim() : NullIfEmpty(input.ParentGroupName),
            Industry = input.Industry.Trim(),
            ManufacturingType = manufacturingType,
            ContactName = input.ContactName.Trim(),
            ContactPhone = input.ContactPhone.Trim(),
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);

        var user = new AppUser
        {
            UserName = userName,
            DisplayName = $"{input.ContactName.Trim()}（{name}）",
            OrganisationId = organisation.Id,
            PasswordChangedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, input.Password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, RoleNames.Of(ActorRole.EnterpriseApplicant));
        }
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            foreach (var e in created.Errors)
            {
                Error(nameof(input.UserName), e.Description);
            }
            return outcome;
        }
        await audit.AppendAsync(db, new AuditEvent("organisation.register", "Organisation", organisation.Id.ToString("D"), new
        {
            name,
            creditCode = code.Value,
            derivedLeague = outcome.DerivedLeague?.Code,
            league = chosen.Code,
            leagueChangedByEnterprise = chosen.Code != outcome.DerivedLeague?.Code,
            userId = user.Id,
            userName,
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outcome.User = user;
        return outcome;
    }

    private static string? NullIfEmpty(string text) => text.Trim().Length == 0 ? null : text.Trim();

    [GeneratedRegex(@"^[0-9][0-9\- ]{5,18}[0-9]$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[A-Za-z0-9._@\-]{3,50}$")]
    private static partial Regex UserNamePattern();
}
