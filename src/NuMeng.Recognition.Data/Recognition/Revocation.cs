namespace NuMeng.Recognition.Data.Recognition;

/// <summary>撤销称号 with its ground (管理办法 第十条, the domain's <see cref="RevocationGround"/>) and evidence.</summary>
public sealed class Revocation : Entity
{
    public Guid CertificateId { get; set; }

    public Guid ApplicationId { get; set; }

    public RevocationGround Ground { get; set; }

    public string Evidence { get; set; } = string.Empty;

    public Guid? EvidenceAttachmentId { get; set; }

    public DateOnly RevokedOn { get; set; }

    public Guid DecidedByUserId { get; set; }
}
