using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NuMeng.Recognition.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReviewToRecognition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ActivatedAt",
                table: "SceneCatalogueRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BureauOpinion",
                table: "RenameRequests",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DecidedByUserId",
                table: "RenameRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ForwardedAt",
                table: "RenameRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RequestedByUserId",
                table: "RenameRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CaseNumber",
                table: "Objections",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "DecidedByUserId",
                table: "Objections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnterpriseResponse",
                table: "Objections",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RespondedAt",
                table: "Objections",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponseRequest",
                table: "Objections",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResponseRequestedAt",
                table: "Objections",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsensusOpinion",
                table: "ExpertAssignments",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ConsensusSubmittedAt",
                table: "ExpertAssignments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EntrustedAt",
                table: "Batches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScoreAggregation",
                table: "Batches",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "TrimmedMeanFromFive");

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropColumn(
                name: "ActivatedAt",
                table: "SceneCatalogueRecords");

            migrationBuilder.DropColumn(
                name: "BureauOpinion",
                table: "RenameRequests");

            migrationBuilder.DropColumn(
                name: "DecidedByUserId",
                table: "RenameRequests");

            migrationBuilder.DropColumn(
                name: "ForwardedAt",
                table: "RenameRequests");

            migrationBuilder.DropColumn(
                name: "RequestedByUserId",
                table: "RenameRequests");

            migrationBuilder.DropColumn(
                name: "CaseNumber",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "DecidedByUserId",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "EnterpriseResponse",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "RespondedAt",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "ResponseRequest",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "ResponseRequestedAt",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "ConsensusOpinion",
                table: "ExpertAssignments");

            migrationBuilder.DropColumn(
                name: "ConsensusSubmittedAt",
                table: "ExpertAssignments");

            migrationBuilder.DropColumn(
                name: "EntrustedAt",
                table: "Batches");

            migrationBuilder.DropColumn(
                name: "ScoreAggregation",
                table: "Batches");
        }
    }
}
