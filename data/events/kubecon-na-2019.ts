import type { EventFile } from '..';

/**
 * KubeCon + CloudNativeCon North America 2019, as recapped by PlanetScale ("PlanetScale and Vitess at
 * KubeCon NA 2019", Lucy Burns, 9 December 2019). Titles, names, ids and links are exactly the recap's.
 */
export default {
  event: {
    id: 'kubecon-na-2019',
    name: 'KubeCon + CloudNativeCon North America 2019',
    location: 'San Diego',
    when: 'November 2019',
    url: 'https://events19.linuxfoundation.org/events/kubecon-cloudnativecon-north-america-2019/',
    source: {
      title: 'PlanetScale and Vitess at KubeCon NA 2019',
      author: 'Lucy Burns',
      published: '2019-12-09',
    },
    subjects: ['Vitess', 'PlanetScale'],
    // Topics are slugs in the talks; these are the words the Topic filter shows for them.
    topicNames: {
      vitess: 'Vitess',
      kubernetes: 'Kubernetes',
      'case-studies': 'Case studies',
      mysql: 'MySQL',
      migration: 'Migration',
      history: 'History',
      cncf: 'CNCF',
      storage: 'Storage',
      startups: 'Startups',
      sharding: 'Sharding',
      scaling: 'Scaling',
      'open-source': 'Open source',
      'multi-cloud': 'Multi-cloud',
      'geo-partitioning': 'Geo-partitioning',
      gdpr: 'GDPR',
      extensions: 'Extensions',
      'design-patterns': 'Design patterns',
      'database-as-a-service': 'Database as a service',
      architecture: 'Architecture',
      'api-design': 'API design',
    },
  },

  speakers: [
    {
      id: 'sugu-sougoumarane',
      name: 'Sugu Sougoumarane',
      organisation: 'PlanetScale',
      role: 'CTO and Co-Founder',
      aliases: ['Sugu'],
    },
    { id: 'morgan-tocker', name: 'Morgan Tocker', organisation: 'PlanetScale' },
    { id: 'abhi-vaidyanatha', name: 'Abhi Vaidyanatha', organisation: 'PlanetScale' },
    { id: 'lucy-burns', name: 'Lucy Burns', organisation: 'PlanetScale' },
    { id: 'deepthi-sigireddi', name: 'Deepthi Sigireddi', organisation: 'PlanetScale' },
    { id: 'jitendra-vaidya', name: 'Jitendra Vaidya', organisation: 'PlanetScale', aliases: ['Jiten'] },
    { id: 'rafael-chacon', name: 'Rafael Chacon', organisation: 'Slack' },
    { id: 'guido-iaquinti', name: 'Guido Iaquinti', organisation: 'Slack' },
    { id: 'derek-perkins', name: 'Derek Perkins', organisation: 'Nozzle' },
    {
      id: 'eric-tune',
      name: 'Eric Tune',
      organisation: 'Google',
      role: 'Kubernetes contributor and API reviewer',
    },
  ],

  talks: [
    {
      id: 'vitess-keynote',
      eventId: 'kubecon-na-2019',
      kind: 'keynote',
      title: 'If you are moving to Kubernetes, don’t leave your data behind.',
      speakerIds: ['sugu-sougoumarane'],
      topics: ['vitess', 'kubernetes', 'cncf', 'case-studies', 'startups'],
      summary:
        'Sugu’s keynote segment marks Vitess graduating from the CNCF, walks through how Slack, JD.com and smaller companies run it, and gives startups advice on getting data storage right from day one.',
      link: 'https://youtu.be/two3TzF9mVY?t=105',
      videoId: 'two3TzF9mVY',
      startSeconds: 105,
    },
    {
      id: 'vitess-stateless-storage',
      eventId: 'kubecon-na-2019',
      kind: 'talk',
      title: 'Vitess: Stateless Storage in the Cloud',
      speakerIds: ['sugu-sougoumarane'],
      topics: ['vitess', 'kubernetes', 'storage', 'history'],
      summary:
        'How Vitess began inside YouTube, and why the constraints it grew up under make it a natural fit for running a database on Kubernetes.',
      link: 'https://www.youtube.com/watch?v=z63dtNj6ctY&t=1s',
      videoId: 'z63dtNj6ctY',
    },
    {
      id: 'migrate-mysql-to-vitess',
      eventId: 'kubecon-na-2019',
      kind: 'talk',
      title: 'How to Migrate a MySQL Database to Vitess',
      speakerIds: ['sugu-sougoumarane', 'morgan-tocker'],
      topics: ['vitess', 'mysql', 'migration', 'architecture'],
      summary:
        'A tour of Vitess’s features and architecture and of the workloads it suits, followed by a live demo that moves an existing MySQL installation onto Vitess.',
      link: 'https://www.youtube.com/watch?v=OCS45iy5v1M',
      videoId: 'OCS45iy5v1M',
    },
    {
      id: 'database-as-a-service-on-kubernetes',
      eventId: 'kubecon-na-2019',
      kind: 'talk',
      title: 'Building a Database as a Service on Kubernetes',
      speakerIds: ['abhi-vaidyanatha', 'lucy-burns'],
      topics: ['database-as-a-service', 'kubernetes', 'vitess', 'open-source'],
      summary:
        'Two PlanetScale engineers who built and ran the project tell how they assembled a database-as-a-service on Kubernetes from open-source parts.',
      link: 'https://www.youtube.com/watch?v=469NOldFOgw',
      videoId: '469NOldFOgw',
    },
    {
      id: 'geo-partitioning-with-vitess',
      eventId: 'kubecon-na-2019',
      kind: 'talk',
      title: 'Geo-partitioning with Vitess',
      speakerIds: ['deepthi-sigireddi', 'jitendra-vaidya'],
      topics: ['vitess', 'sharding', 'geo-partitioning', 'gdpr'],
      summary:
        'A deep dive with a live demo: Vitess’s flexible sharding lets you write a custom sharding scheme that keeps rows in the right region, meeting data-residency laws such as the GDPR.',
      link: 'https://www.youtube.com/watch?v=-Hz6LFJu1cY',
      videoId: '-Hz6LFJu1cY',
    },
    {
      id: 'slack-database-service',
      eventId: 'kubecon-na-2019',
      kind: 'talk',
      title: "Scaling Resilient Systems: A Journey into Slack's Database Service",
      speakerIds: ['rafael-chacon', 'guido-iaquinti'],
      topics: ['vitess', 'mysql', 'scaling', 'case-studies'],
      summary:
        'Slack’s databases team on designing, building, scaling and reworking their Vitess-based database service, which grew from nothing to peaks of 2.7 million queries per second.',
      link: 'https://youtu.be/aTItjMJE17c',
      videoId: 'aTItjMJE17c',
    },
    {
      id: 'aks-to-gke-in-an-hour',
      eventId: 'kubecon-na-2019',
      kind: 'talk',
      title: 'Gone in 60 Minutes: Migrating 20 TB from AKS to GKE in an Hour with Vitess',
      speakerIds: ['derek-perkins'],
      topics: ['vitess', 'kubernetes', 'migration', 'multi-cloud', 'case-studies'],
      summary:
        'Nozzle moved a busy 20 TB production workload from Azure’s AKS to Google’s GKE in under an hour, using only features that Kubernetes and Vitess provide out of the box.',
      link: 'https://youtu.be/KpygSD-v_ws',
      videoId: 'KpygSD-v_ws',
    },
    {
      id: 'extensions-design-patterns',
      eventId: 'kubecon-na-2019',
      kind: 'talk',
      title: 'Growth and Design Patterns in the Extensions Ecosystem',
      speakerIds: ['eric-tune'],
      topics: ['kubernetes', 'extensions', 'design-patterns', 'api-design'],
      summary:
        'After reviewing hundreds of Kubernetes extensions, the speaker names the patterns that keep recurring (Provisioner, Composition, Enforcer, Claim and Class) and what each is for.',
      link: 'https://www.youtube.com/watch?v=ph4a9TzK29U',
      videoId: 'ph4a9TzK29U',
    },
    {
      id: 'thecube-interview',
      eventId: 'kubecon-na-2019',
      kind: 'interview',
      title: 'The Cube',
      speakerIds: ['sugu-sougoumarane'],
      topics: ['vitess', 'cncf'],
      summary: 'A conversation on theCUBE in which Sugu covers everything Vitess.',
      link: 'https://twitter.com/theCUBE365/status/1199689938209529857',
    },
    {
      id: 'kubernetes-podcast-81',
      eventId: 'kubecon-na-2019',
      kind: 'podcast',
      title: 'Kubernetes Podcast',
      speakerIds: ['jitendra-vaidya', 'sugu-sougoumarane'],
      topics: ['vitess', 'kubernetes', 'history'],
      summary:
        'Episode 81: Jiten and Sugu tell the story of how Vitess came to be and explain why it suits Kubernetes so well.',
      link: 'https://kubernetespodcast.com/episode/081-vitess/',
    },
  ],
} satisfies EventFile;
