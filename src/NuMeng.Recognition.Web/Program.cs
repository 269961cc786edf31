using NuMeng.Recognition.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddRecognitionWeb();

var app = builder.Build();
app.UseRecognitionWeb();
app.Run();

/// <summary>Entry point; public so integration tests can host the portal with WebApplicationFactory.</summary>
public partial class Program;
