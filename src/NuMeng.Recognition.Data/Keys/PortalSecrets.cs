using System.Security.Cryptography.X509Certificates;

namespace NuMeng.Recognition.Data.Keys;

/// <summary>
/// Settings of the portal's one secret that lives OUTSIDE the database (ADR 0010): a certificate with its private key
/// (PKCS#12 file + password). It encrypts the Data Protection key ring at rest, keys the audit chain's HMAC (derived by
/// HKDF from its private key) and signs the audit checkpoints. Section <c>Secrets</c>.
/// </summary>
public sealed class SecretsOptions
{
    public const string Section = "Secrets";

    /// <summary>Relative paths are under the content root. Default outside Production: App_Data/secrets/portal-secrets.pfx.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of the PKCS#12 file; give it through the environment (<c>Secrets__CertificatePassword</c>).</summary>
    public string? CertificatePassword { get; set; }

    public static SecretsOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(Section).Get<SecretsOptions>() ?? new SecretsOptions();
    }
}

/// <summary>Loads the portal certificate, or makes one on first start outside Production.</summary>
public static class PortalCertificate
{
    /// <summary>Where a non-Production portal keeps the certificate it generated, relative to the content root.</summary>
    public static readonly string DefaultPath = Path.Combine("App_Data", "secrets", "portal-secrets.pfx");

    /// <summary>
    /// The certificate named by <paramref name="options"/>. In Production (<paramref name="mayGenerate"/> false) a missing
    /// setting or file stops start-up with a message naming the setting; elsewhere a self-signed certificate is generated
    /// at the configured (or default) path on first start and reused afterwards.
    /// </summary>
    public static X509Certificate2 LoadOrCreate(SecretsOptions options, string contentRoot, bool mayGenerate)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.CertificatePath) && !mayGenerate)
        {
            throw new InvalidOperationException(
                "生产环境必须配置门户密钥证书：请设置 Secrets:CertificatePath（PKCS#12 文件路径，环境变量 Secrets__CertificatePath）"
                + "和 Secrets:CertificatePassword（环境变量 Secrets__CertificatePassword），证书不得与数据库存放在一起。"
                + " / Production requires the portal secrets certificate: set Secrets:CertificatePath (a PKCS#12 file) and "
                + "Secrets:CertificatePassword, e.g. through the environment; keep it apart from the database.");
        }
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(options.CertificatePath) ? DefaultPath : options.CertificatePath, contentRoot);
        if (!File.Exists(path))
        {
            if (!mayGenerate)
            {
                throw new InvalidOperationException(
                    $"找不到 Secrets:CertificatePath 指定的门户密钥证书文件：{path}。生产环境不会自动生成证书。"
                    + $" / The certificate named by Secrets:CertificatePath does not exist: {path}. Production never generates one.");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var generated = Generate();
            File.WriteAllBytes(path, generated.Export(X509ContentType.Pfx, options.CertificatePassword));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        return Load(path, options.CertificatePassword);
    }

    /// <summary>Loads a PKCS#12 file; the private key must be RSA.</summary>
    public static X509Certificate2 Load(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password,
                X509KeyStorageFlags.EphemeralKeySet | X509KeyStorageFlags.Exportable);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"无法读取门户密钥证书 {path}（Secrets:CertificatePassword 是否正确？） / Cannot read the certificate {path} "
                + "(is Secrets:CertificatePassword right?)", e);
        }
        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException(
                $"门户密钥证书 {path} 没有 RSA 私钥（Secrets:CertificatePath） / The certificate {path} has no RSA private key.");
        }
        return certificate;
    }

    /// <summary>A self-signed RSA 3072 certificate valid for 20 years (it is a key holder, not a TLS certificate).</summary>
    public static X509Certificate2 Generate()
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=NuMeng.Recognition portal secrets", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(20));
    }
}
