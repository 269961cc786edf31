namespace NuMeng.Recognition.Data.Common;

/// <summary>Thrown when code tries to modify or delete a row that is immutable or locked.</summary>
public sealed class ImmutableRowException : InvalidOperationException
{
    public ImmutableRowException(string entityType, string message)
        : base(message)
    {
        EntityType = entityType;
    }

    public ImmutableRowException()
    {
        EntityType = string.Empty;
    }

    public ImmutableRowException(string message)
        : base(message)
    {
        EntityType = string.Empty;
    }

    public ImmutableRowException(string message, Exception innerException)
        : base(message, innerException)
    {
        EntityType = string.Empty;
    }

    /// <summary>CLR name of the entity type concerned.</summary>
    public string EntityType { get; }
}
