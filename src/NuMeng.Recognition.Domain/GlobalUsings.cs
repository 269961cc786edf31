// Namespaces used across this project, imported once (the files import only what is particular to them).
global using System.Globalization;
global using System.Text.Json;
global using System.Text.Json.Nodes;
global using System.Text.Json.Serialization;
global using NuMeng.Recognition.Domain.Calendar;
global using NuMeng.Recognition.Domain.Eligibility;
global using NuMeng.Recognition.Domain.Kpi;
global using NuMeng.Recognition.Domain.Regions;
global using NuMeng.Recognition.Domain.RuleSets;
global using NuMeng.Recognition.Domain.Rules;
global using NuMeng.Recognition.Domain.Scenes;
global using NuMeng.Recognition.Domain.Technical;
global using NuMeng.Recognition.Domain.Tiers;
