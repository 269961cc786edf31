using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NuMeng.Recognition.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RuleSetSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ActivatedAt",
                table: "RuleSetRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ActivatedByUserId",
                table: "RuleSetRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BasedOnVersion",
                table: "RuleSetRecords",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CreatedByUserId",
                table: "RuleSetRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Family",
                table: "RuleSetRecords",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PayloadSha256",
                table: "RuleSetRecords",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // Rows stored before snapshots (the demo's identity rows) name their family by code; the seeder then gives
            // them their snapshot and hash once (ReferenceDataSeeder.SeedRuleSetsAsync, ADR 0009).
            migrationBuilder.Sql("UPDATE \"RuleSetRecords\" SET \"Family\" = CASE WHEN \"Code\" = 'NM-2025-TIER' THEN 'Tiers' ELSE 'Technical' END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ActivatedAt",
                table: "RuleSetRecords");

            migrationBuilder.DropColumn(
                name: "ActivatedByUserId",
                table: "RuleSetRecords");

            migrationBuilder.DropColumn(
                name: "BasedOnVersion",
                table: "RuleSetRecords");

            migrationBuilder.DropColumn(
                name: "CreatedByUserId",
                table: "RuleSetRecords");

            migrationBuilder.DropColumn(
                name: "Family",
                table: "RuleSetRecords");

            migrationBuilder.DropColumn(
                name: "PayloadSha256",
                table: "RuleSetRecords");
        }
    }
}
