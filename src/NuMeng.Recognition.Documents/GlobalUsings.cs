// Namespaces used across this project, imported once (the files import only what is particular to them).
global using System.Globalization;
global using System.Text;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Logging;
global using NuMeng.Recognition.Documents.Html;
global using NuMeng.Recognition.Documents.Pdf;
global using NuMeng.Recognition.Domain.PreCheck;
