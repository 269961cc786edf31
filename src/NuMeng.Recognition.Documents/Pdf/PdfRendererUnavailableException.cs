namespace NuMeng.Recognition.Documents.Pdf;

/// <summary>
/// Chromium is not installed or cannot start. The portal keeps running; a document request answers with this message,
/// which says in Chinese what to install ("a document request answers with a clear Chinese message").
/// </summary>
public sealed class PdfRendererUnavailableException : Exception
{
    /// <summary>The message for a missing executable, naming the set-up script and the packages.</summary>
    public const string NotInstalledMessage =
        "未安装 Chromium：请运行 deploy/dev/install-prerequisites.sh（apt-get install chromium fonts-noto-cjk）";

    public PdfRendererUnavailableException()
        : base(NotInstalledMessage)
    {
    }

    public PdfRendererUnavailableException(string message)
        : base(message)
    {
    }

    public PdfRendererUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The executable that was looked for or started, for logs.</summary>
    public string? ExecutablePath { get; init; }
}
