namespace NuMeng.Recognition.Data.Recognition;

/// <summary>
/// The recognition awarded (授牌). 管理办法 第十二条: valid five years from the award date — from 授牌, not from the notice
/// or publication. Anyone can verify it on a public page by number and verification code.
/// </summary>
public sealed class Certificate : Entity
{
    /// <summary>证书编号, unique.</summary>
    public string Number { get; set; } = string.Empty;

    public Guid ApplicationId { get; set; }

    /// <summary>The enterprise (tenant owner; copied from the application).</summary>
    public Guid EnterpriseId { get; set; }

    public RecognitionKind Kind { get; set; }

    public Guid? PublicationId { get; set; }

    public DateOnly AwardedOn { get; set; }

    public DateOnly ValidUntil { get; set; }

    /// <summary>Random code printed on the certificate for the public verification page; unique.</summary>
    public string VerificationCode { get; set; } = string.Empty;

    /// <summary>Current enterprise name on the certificate.</summary>
    public string EnterpriseName { get; set; } = string.Empty;

    public string WorkshopOrFactoryName { get; set; } = string.Empty;

    /// <summary>Previous names, oldest first (renaming keeps the history).</summary>
    public List<CertificateNameChange> NameHistory { get; set; } = [];

    /// <summary>A new certificate is valid; it changes only through <see cref="Revoke"/>.</summary>
    public CertificateStatus Status { get; private set; } = CertificateStatus.Valid;

    /// <summary>
    /// 撤销称号 (管理办法 第十条), as <see cref="CertificateWorkflow"/> decided: the certificate stops being valid. The
    /// revocation row records ground and evidence.
    /// </summary>
    /// <exception cref="StateTransitionException">The decision is a refusal, for another step or another state.</exception>
    public void Revoke(Decision<CertificateStatus, CertificateAction> decision)
    {
        StateTransitionException.Check("证书", decision, Status, CertificateAction.Revoke);
        Status = decision.To;
    }

    /// <summary>
    /// Demo seeding and test arrangements only (internal; visible to the test projects): puts the certificate in
    /// <paramref name="status"/> without taking the step that leads there.
    /// </summary>
    internal void SeedStatus(CertificateStatus status) => Status = status;
}

/// <summary>One earlier name on a certificate.</summary>
public sealed class CertificateNameChange
{
    public string PreviousName { get; set; } = string.Empty;

    public string NewName { get; set; } = string.Empty;

    public DateOnly ChangedOn { get; set; }

    public Guid? RenameRequestId { get; set; }
}
