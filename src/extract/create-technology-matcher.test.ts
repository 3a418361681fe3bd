import { describe, expect, it } from 'vitest';
import { type Taxonomy, TechnologySchema } from '../knowledge/index.js';
import { createTechnologyMatcher } from './create-technology-matcher.js';

// A small taxonomy written for these tests, so they check the matching rules
// whatever the shipped data holds.
function buildTaxonomy(): Taxonomy {
  const technologies = [
    { id: 'go', name: 'Go', nameIsCaseSensitive: true, nameIsAmbiguous: true, aliases: ['Golang'] },
    { id: 'python', name: 'Python' },
    { id: 'java', name: 'Java' },
    { id: 'javascript', name: 'JavaScript', aliases: [{ text: 'JS', caseSensitive: true }] },
    {
      id: 'nodejs',
      name: 'Node.js',
      aliases: ['NodeJS', 'Node JS', { text: 'Node', caseSensitive: true, ambiguous: true }],
    },
    { id: 'postgresql', name: 'PostgreSQL', aliases: ['Postgres', 'psql'] },
    { id: 'kubernetes', name: 'Kubernetes', aliases: ['k8s'] },
    { id: 'csharp', name: 'C#', aliases: ['C Sharp'] },
    { id: 'cpp', name: 'C++' },
    { id: 'c', name: 'C', nameIsCaseSensitive: true, nameIsAmbiguous: true },
    { id: 'r', name: 'R', nameIsCaseSensitive: true, nameIsAmbiguous: true },
    { id: 'dotnet', name: '.NET', aliases: ['dotnet'] },
    { id: 'aspnet-core', name: 'ASP.NET Core', aliases: ['ASP.NET'] },
    { id: 'ci-cd', name: 'CI/CD', aliases: ['continuous integration'] },
    { id: 'gitlab-ci', name: 'GitLab CI', aliases: ['GitLab CI/CD'] },
    { id: 'aws-s3', name: 'S3', aliases: ['Amazon S3', 'AWS S3'] },
    { id: 'aws', name: 'AWS', aliases: ['Amazon Web Services'] },
    { id: 'spring', name: 'Spring', nameIsCaseSensitive: true, nameIsAmbiguous: true },
    { id: 'spring-boot', name: 'Spring Boot' },
    { id: 'microservices', name: 'microservices', aliases: ['microservice'] },
    { id: 'webhooks', name: 'webhook' },
    { id: 'terraform', name: 'Terraform' },
    { id: 'chef', name: 'Chef', nameIsCaseSensitive: true, nameIsAmbiguous: true },
    { id: 'puppet', name: 'Puppet', nameIsCaseSensitive: true, nameIsAmbiguous: true },
  ].map((entry) =>
    TechnologySchema.parse({
      category: 'language',
      summary: 'A technology used in these tests.',
      ...entry,
    }),
  );
  return {
    technologies,
    byId: new Map(technologies.map((technology) => [technology.id, technology])),
  };
}

const matcher = createTechnologyMatcher(buildTaxonomy());
const ids = (line: string) => matcher.matchLine(line).map((mention) => mention.id);

describe('createTechnologyMatcher', () => {
  it('matches names and aliases case-insensitively at word boundaries', () => {
    expect(ids('Strong postgres skills; PostgreSQL 16 and psql')).toEqual([
      'postgresql',
      'postgresql',
      'postgresql',
    ]);
    expect(ids('We run K8S and Golang services')).toEqual(['kubernetes', 'go']);
    expect(ids('Javanese food and pythonic style')).toEqual([]);
  });

  it('understands punctuation in names: Node.js, C#, C++, .NET, ASP.NET, CI/CD', () => {
    expect(ids('Node.js, C#, C++ and .NET')).toEqual(['nodejs', 'csharp', 'cpp', 'dotnet']);
    expect(ids('Built on ASP.NET Core')).toEqual(['aspnet-core']);
    expect(ids('Owns the CI/CD pipeline in GitLab CI/CD')).toEqual(['ci-cd', 'gitlab-ci']);
  });

  it('prefers the longest name: Java is not found in JavaScript, nor Spring alone in Spring Boot', () => {
    expect(ids('JavaScript and Spring Boot')).toEqual(['javascript', 'spring-boot']);
    expect(ids('Amazon S3 buckets, AWS S3 and plain S3')).toEqual(['aws-s3', 'aws-s3', 'aws-s3']);
  });

  it('accepts plurals and attached versions', () => {
    expect(ids('Designed microservices and webhooks')).toEqual(['microservices', 'webhooks']);
    expect(ids('Python3 scripts and Java17')).toEqual(['python', 'java']);
    const [mention] = matcher.matchLine('Python3 scripts');
    expect(mention?.matchedText).toBe('Python3');
  });

  it('tells Go the language from the verb', () => {
    expect(ids('We go live every Tuesday')).toEqual([]);
    expect(ids('Go live with confidence')).toEqual([]);
    expect(ids('Go to market with us')).toEqual([]);
    expect(ids('Go, Python and PostgreSQL')).toEqual(['go', 'python', 'postgresql']);
    expect(ids('3+ years of experience writing Go')).toEqual(['go']);
    expect(ids('Backend services in Go')).toEqual(['go']);
  });

  it('reads single letters (C, R) as languages only in a technical list or phrase', () => {
    expect(ids('Raised a Series C round')).toEqual([]);
    expect(ids('Report to C-level executives and R&D')).toEqual([]);
    expect(ids('Statistics in R and Python')).toEqual(['r', 'python']);
    expect(ids('C/C++ firmware')).toEqual(['c', 'cpp']);
    expect(ids('Plan C')).toEqual([]);
  });

  it('reads Spring the season as a date, not the framework', () => {
    expect(ids('Intern, Spring 2021')).toEqual([]);
    expect(ids('Java with Spring and Hibernate-free code')).toEqual(['java', 'spring']);
  });

  it('reads Node as Node.js only with technical context', () => {
    expect(ids('Each node in the graph')).toEqual([]);
    expect(ids('Node and TypeScript backend services')).toEqual(['nodejs']);
    expect(ids('JS, Node, PostgreSQL')).toEqual(['javascript', 'nodejs', 'postgresql']);
  });

  it('lets an accepted ambiguous name confirm the next one in a list', () => {
    expect(ids('Terraform, Chef and Puppet')).toEqual(['terraform', 'chef', 'puppet']);
    expect(ids('The Chef cooked; a Puppet show')).toEqual([]);
  });

  it('reports where each mention is, as written', () => {
    const [mention] = matcher.matchLine('Experience with k8s');
    expect(mention).toEqual({
      id: 'kubernetes',
      name: 'Kubernetes',
      matchedText: 'k8s',
      start: 16,
      end: 19,
    });
  });
});
